import { testInstallationKey } from '../support/installationKey.ts';
import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppService } from '../../electron/app/appService.ts';
import { encodeJournalLine, sha256Hex } from '../../electron/journal/journalLine.ts';
import { RECORDED_SESSION } from '../support/recordTrainingSession.ts';
import { useTempDirs } from '../support/tempDir.ts';

const tempDir = useTempDirs();

/** Lines of the recorded session's journal, to damage. */
async function recordedLines(): Promise<string[]> {
  return (await readFile(path.join(RECORDED_SESSION, 'journal.jsonl'), 'utf8')).trimEnd().split('\n');
}

/** A journal line that chains correctly after `previous` and holds `event`, as a newer app would write it. */
function chainedLine(previous: string, seq: number, event: unknown): string {
  return encodeJournalLine({ seq, prev: sha256Hex(previous), event });
}

const DAMAGES: { name: string; damage(lines: string[]): string; problem: RegExp }[] = [
  {
    name: 'a line edited by hand (a tape id changed)',
    damage: (lines) => {
      const edited = lines.findIndex((line) => /"tapeId":"DDS4-0\d"/.test(line));
      const changed = lines.map((line, i) =>
        i === edited ? line.replace(/"tapeId":"DDS4-0\d"/, '"tapeId":"DDS4-99"') : line,
      );
      return `${changed.join('\n')}\n`;
    },
    problem: /^line \d+: line \d+ does not chain to line \d+: one of them was altered$/,
  },
  {
    name: 'a line lost from the middle (the file truncated and glued)',
    damage: (lines) => [...lines.slice(0, 30), ...lines.slice(31)].join('\n') + '\n',
    problem: /^line 31: /,
  },
  {
    name: 'a line cut in the middle of the file',
    damage: (lines) => [...lines.slice(0, 20), lines[20]!.slice(0, 40), ...lines.slice(21)].join('\n') + '\n',
    problem: /^line 21: /,
  },
  {
    name: 'an event from a newer version of the app',
    damage: (lines) =>
      [
        ...lines,
        chainedLine(lines.at(-1)!, lines.length + 1, { type: 'witness-signed', at: '2026-11-24T10:00:00Z' }),
      ].join('\n') + '\n',
    problem: /^line 194: the event type "witness-signed" is unknown to this version of the app/,
  },
  {
    name: 'an event the session rules refuse (a second migration without a re-setup)',
    damage: (lines) => {
      const migration = JSON.parse(lines.find((line) => line.includes('"migration-recorded"'))!) as {
        event: object;
      };
      return [...lines, chainedLine(lines.at(-1)!, lines.length + 1, migration.event)].join('\n') + '\n';
    },
    problem: /^line 194: the event breaks the session rules: /,
  },
  {
    name: 'bytes that are no journal at all',
    damage: () => '\u0000\u00ff garbage\n{"seq":1}\n',
    problem: /^line 1: /,
  },
];

describe('a damaged session folder', () => {
  for (const { name, damage, problem } of DAMAGES) {
    it(`opens read-only, names the problem and is never rewritten: ${name}`, async () => {
      const root = await tempDir();
      const session = path.join(root, 'acme-2026-11-23');
      await cp(RECORDED_SESSION, session, { recursive: true });
      const damaged = damage(await recordedLines());
      await writeFile(path.join(session, 'journal.jsonl'), damaged);

      const service = new AppService(root, () => undefined, { installationKey: await testInstallationKey() });
      try {
        const opened = await service.handlers['session.open']({ directory: session });
        expect(opened.readOnly).toBe(true);
        expect(opened.problem).toMatch(problem);
        await expect(service.handlers['note.add']({ stepId: null, text: 'try' })).rejects.toThrow(
          /read-only/i,
        );
        await expect(service.handlers['step.run']({ stepId: 'P1' })).rejects.toThrow();
        // A report of what can still be trusted is possible, and says the journal is damaged.
        if (opened.events.length > 0) {
          const { files } = await service.handlers['report.export']({ format: 'html' });
          expect(await readFile(files[0]!, 'utf8')).toContain("The session's journal is damaged");
        } else {
          await expect(service.handlers['report.export']({ format: 'html' })).rejects.toThrow(
            /^Nothing in this session's journal can be trusted \(line 1: /,
          );
        }
      } finally {
        await service.close();
      }
      expect(await readFile(path.join(session, 'journal.jsonl'), 'utf8')).toBe(damaged);
    });
  }
});
