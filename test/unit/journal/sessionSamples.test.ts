import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { saveReadingAsSample } from '../../../electron/journal/sessionSamples.ts';
import { useTempDirs } from '../../support/tempDir.ts';

const tempDir = useTempDirs();

describe('a reading saved as a sample from a step', () => {
  it('keeps the output with what it is, the server names and addresses redacted, and never overwrites', async () => {
    const session = await tempDir();
    const sample = {
      stepId: 'D2' as const,
      server: 'NEW' as const,
      reading: {
        about: 'R3 Migrate of System Administration data on cms-new',
        lookFor: 'the Status: field',
        raw: '2026-12-02 03:33:08 r3mig ok on cms-new (10.1.2.3): system administration data migrated',
      },
      savedAt: new Date('2026-12-02T03:40:00Z'),
    };
    const first = await saveReadingAsSample(session, sample, ['cms-new', '10.1.2.3']);
    const second = await saveReadingAsSample(session, sample, ['cms-new']);
    expect(first.path).toBe('samples/D2-NEW-2026-12-02T03-40-00-000Z.txt');
    expect(second.path).toBe('samples/D2-NEW-2026-12-02T03-40-00-000Z-2.txt');
    const text = await readFile(path.join(session, first.path), 'utf8');
    expect(text).not.toMatch(/cms-new|10\.1\.2\.3/);
    expect(text).toMatch(/r3mig ok on <host> \(<(host|ip)>\): system administration data migrated/);
    expect(text).toContain('# What it is: R3 Migrate of System Administration data on <host>');
    expect(text).toContain('saved from step D2 on NEW');
    expect(first.redactions).toBe(3);
  });
});
