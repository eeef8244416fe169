import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readWindowBoundsSync, writeWindowBoundsSync } from '../../electron/windowBounds.ts';

describe('window bounds', () => {
  it('remembers the last size and falls back to the default on a missing or damaged file', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cms-ha-bounds-'));
    try {
      expect(readWindowBoundsSync(dir)).toEqual({ width: 1280, height: 860 });
      writeWindowBoundsSync(dir, { x: 10, y: 20, width: 1500, height: 900 });
      expect(readWindowBoundsSync(dir)).toEqual({ x: 10, y: 20, width: 1500, height: 900 });
      writeFileSync(path.join(dir, 'window.json'), '{"width": 5}');
      expect(readWindowBoundsSync(dir)).toEqual({ width: 1280, height: 860 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
