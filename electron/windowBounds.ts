import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const boundsSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(640).max(10_000),
  height: z.number().int().min(480).max(10_000),
});
export type WindowBounds = z.infer<typeof boundsSchema>;

const DEFAULT_BOUNDS: WindowBounds = { width: 1280, height: 860 };

/** The window's last size and place, kept beside the app's settings (read synchronously at start-up, once). */
export function readWindowBoundsSync(settingsDirectory: string): WindowBounds {
  try {
    return boundsSchema.parse(JSON.parse(readFileSync(path.join(settingsDirectory, 'window.json'), 'utf8')));
  } catch {
    return DEFAULT_BOUNDS;
  }
}

export function writeWindowBoundsSync(settingsDirectory: string, bounds: WindowBounds): void {
  try {
    writeFileSync(path.join(settingsDirectory, 'window.json'), JSON.stringify(boundsSchema.parse(bounds)));
  } catch {
    // Losing the window size is not worth an error at quit time.
  }
}
