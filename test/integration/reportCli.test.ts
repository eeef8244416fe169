import { execFile } from 'node:child_process';
import { appendFile, cp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { SessionJournal } from '../../electron/journal/sessionJournal.ts';
import { pdfToolsUnavailableReason } from '../support/pdfTools.ts';
import { RECORDED_SESSION } from '../support/recordTrainingSession.ts';
import { cmsHa } from '../support/runCmsHa.ts';
import { useTempDirs } from '../support/tempDir.ts';

const run = promisify(execFile);
const tempDir = useTempDirs();

const pdfSkip = pdfToolsUnavailableReason();
if (pdfSkip) console.warn(`reportCli PDF: ${pdfSkip}`);

/** A copy of the recorded full training run that a test may change. */
async function sessionCopy(): Promise<string> {
  const directory = path.join(await tempDir(), 'session');
  await cp(RECORDED_SESSION, directory, { recursive: true });
  return directory;
}

describe('cms-ha report and cms-ha verify on a recorded full training run', () => {
  it('exports HTML, JSON, CSV and the label sheet into the exports folder by default', async () => {
    const session = await sessionCopy();
    const written: string[] = [];
    for (const format of ['html', 'json', 'csv', 'labels']) {
      const { code, stdout, stderr } = await cmsHa('report', session, '--format', format);
      expect({ format, code, stderr }).toEqual({ format, code: 0, stderr: '' });
      written.push(...stdout.trim().split('\n'));
    }
    expect(written.map((file) => path.relative(session, file))).toEqual([
      'exports/upgrade-report.html',
      'exports/upgrade-report.json',
      'exports/steps.csv',
      'exports/tapes.csv',
      'exports/journal-head.txt',
      'exports/tape-labels.html',
    ]);
    const json = JSON.parse(await readFile(written[1]!, 'utf8')) as {
      events: unknown[];
      transcripts: Record<string, string>;
    };
    expect(json.events).toHaveLength(193);
    expect(Object.keys(json.transcripts)).toContain('transcripts/D11-ORIG-1.log');
    expect(json.transcripts['transcripts/P4a-ORIG-1.log']).toBe(
      await readFile(path.join(session, 'transcripts/P4a-ORIG-1.log'), 'utf8'),
    );
    expect(await readdir(path.join(session, 'exports'))).not.toContainEqual(expect.stringMatching(/\.tmp$/));
  });

  it.skipIf(pdfSkip !== null)(
    'prints the PDF with Chromium: pages that turn into PNG images and carry the key text',
    { timeout: 60_000 },
    async () => {
      const session = await sessionCopy();
      const out = path.join(await tempDir(), 'report.pdf');
      const { code, stdout } = await cmsHa('report', session, '--format', 'pdf', '--out', out);
      expect(code).toBe(0);
      expect(stdout.trim()).toBe(out);
      expect((await readFile(out)).subarray(0, 5).toString()).toBe('%PDF-');

      const pages = path.join(path.dirname(out), 'page');
      await run('pdftoppm', ['-r', '40', '-png', out, pages]);
      const images = (await readdir(path.dirname(out))).filter((file) => file.endsWith('.png'));
      expect(images.length).toBeGreaterThanOrEqual(5);
      expect(images.length).toBeLessThan(30);
      for (const image of images)
        expect((await stat(path.join(path.dirname(out), image))).size).toBeGreaterThan(2000);

      const { stdout: text } = await run('pdftotext', ['-layout', out, '-']);
      const fingerprint = JSON.parse(
        await readFile((await cmsHa('report', session, '--format', 'json')).stdout.trim(), 'utf8'),
      ).report.journal.chainFingerprint as string;
      for (const expected of [
        'CMS HA upgrade report — Acme Contact Centre, Leeds',
        'R. Tech',
        'D11: CMSADM backups on both servers',
        'wrong tape in the drive of NEW',
        'Maintenance schedule to adopt',
      ])
        expect(text.replace(/\s+/g, ' ').includes(expected), expected).toBe(true);
      // Table cells wrap ids and hashes across lines: compare those without the white space.
      const squashed = text.replace(/\s+/g, '');
      for (const expected of ['DDS4-07', 'CMSORIG-261123-02-XSMC-00-F-01', fingerprint])
        expect(squashed.includes(expected), expected).toBe(true);
      // Text in the text layer, pages in the page count: the PNGs are those pages.
      const printed = text.split('\f').filter((page) => page.trim() !== '');
      expect(printed).toHaveLength(images.length);
      // The first page says the outcome in sentences.
      expect(printed[0]!.replace(/\s+/g, ' ')).toMatch(
        /Outcome The upgrade is complete: all 17 steps are done, .* The customer keeps DDS4-01 \(CMSADM-ORIG, /,
      );
      // Every page carries the running header (site, date, journal head) and its number.
      for (const [index, page] of printed.entries()) {
        const flat = page.replace(/\s+/g, ' ');
        expect(flat).toContain('Acme Contact Centre, Leeds — CMS HA upgrade, 2026-11-23');
        expect(flat).toContain(`Journal head ${fingerprint.slice(0, 16)}… (193 events)`);
        expect(flat).toContain(`Page ${index + 1} of ${printed.length}`);
      }

      // The sign-off block on the last page: its QR code, read from the printed page, checks the session.
      expect(text.split('\f').at(-2)).toMatch(
        /Sign-off[\s\S]*Customer representative[\s\S]*installation key SHA256:/,
      );
      const lastPage = path.join(path.dirname(out), 'sign-off');
      await run('pdftoppm', [
        '-r',
        '150',
        '-f',
        `${images.length}`,
        '-l',
        `${images.length}`,
        '-png',
        out,
        lastPage,
      ]);
      const scanned = (await readdir(path.dirname(out))).find((file) => file.startsWith('sign-off'))!;
      const { stdout: qr } = await run('zbarimg', ['-q', '--raw', path.join(path.dirname(out), scanned)]);
      expect(qr.trim()).toMatch(new RegExp(`^CMSHA1 193 ${fingerprint} \\S+ \\S+$`));
      const reportFile = (await cmsHa('report', session, '--format', 'json')).stdout.trim();
      const checked = await cmsHa('verify', session, reportFile, '--paper', qr.trim());
      expect(checked.code).toBe(0);
      expect(checked.stdout).toMatch(
        /^The signed paper copy \(193 events, installation key SHA256:\S+\) matches the journal's history\.$/m,
      );
    },
  );

  it('verifies a report against its session, also after the session went on', async () => {
    const session = await sessionCopy();
    const reportFile = (await cmsHa('report', session, '--format', 'json')).stdout.trim();
    const verified = await cmsHa('verify', session, reportFile);
    expect(verified.code).toBe(0);
    expect(verified.stdout).toMatch(
      /^The report matches the journal after 193 events \(fingerprint [0-9a-f]{64}\)\.$/m,
    );

    const journal = await SessionJournal.open(session);
    await journal.append({
      type: 'note-added',
      stepId: null,
      text: 'Handed over.',
      at: new Date().toISOString(),
    });
    await journal.close();
    const later = await cmsHa('verify', session, reportFile);
    expect(later.code).toBe(0);
    expect(later.stdout).toContain('The session has 1 more events since the report was made.');
  });

  it('detects a journal edited by hand after the report was made', async () => {
    const session = await sessionCopy();
    const reportFile = path.join(await tempDir(), 'report.json');
    await cmsHa('report', session, '--format', 'json', '--out', reportFile);
    const journalFile = path.join(session, 'journal.jsonl');
    const lines = (await readFile(journalFile, 'utf8')).split('\n');
    const index = lines.findIndex((line) => line.includes('"tapeId":"DDS4-03"'));
    lines[index] = lines[index]!.replace('"tapeId":"DDS4-03"', '"tapeId":"DDS4-09"');
    await writeFile(journalFile, lines.join('\n'));

    const { code, stderr } = await cmsHa('verify', session, reportFile);
    expect(code).toBe(1);
    expect(stderr).toMatch(new RegExp(`^The session's journal is damaged: journal line ${index + 1}: `, 'm'));
    expect(stderr).toContain("is not in this session's journal");
  });

  it('detects a report edited by hand, and a report of another session', async () => {
    const session = await sessionCopy();
    const reportFile = path.join(await tempDir(), 'report.json');
    await cmsHa('report', session, '--format', 'json', '--out', reportFile);
    const original = await readFile(reportFile, 'utf8');
    const file = JSON.parse(original) as {
      report: { steps: { status: string }[]; tapes: { location: string }[] };
    };
    file.report.tapes[0]!.location = 'destroyed';
    await writeFile(reportFile, JSON.stringify(file));
    const edited = await cmsHa('verify', session, reportFile);
    expect(edited.code).toBe(1);
    expect(edited.stderr).toContain(
      "The report's content differs from what the journal records at: report.tapes[0].location.",
    );
    // The same edit claiming an older report format is not waved through unread.
    await writeFile(reportFile, JSON.stringify({ ...file, report: { ...file.report, version: 1 } }));
    const downgraded = await cmsHa('verify', session, reportFile);
    expect(downgraded.code).toBe(1);
    expect(downgraded.stderr).toContain(
      'The report is in format 1; this version writes and checks format 3: verify it with the version that made it.',
    );

    const other = await sessionCopy();
    await appendFile(path.join(other, 'journal.jsonl'), '');
    const journal = await SessionJournal.open(other);
    await journal.append({
      type: 'note-added',
      stepId: null,
      text: 'Another history.',
      at: new Date().toISOString(),
    });
    await journal.close();
    const anotherReport = path.join(await tempDir(), 'other.json');
    await cmsHa('report', other, '--format', 'json', '--out', anotherReport);
    const mismatch = await cmsHa('verify', session, anotherReport);
    expect(mismatch.code).toBe(1);
    expect(mismatch.stderr).toMatch(/fingerprint [0-9a-f]{64} is not in this session's journal/);

    await writeFile(reportFile, '{"not":"a report"}');
    expect((await cmsHa('verify', session, reportFile)).stderr).toContain('is not a CMS HA upgrade report');
  });

  it('says what is wrong with bad input', async () => {
    expect((await cmsHa('report', await tempDir(), '--format', 'html')).stderr).toMatch(
      /is not a session folder/,
    );
    const badFormat = await cmsHa('report', RECORDED_SESSION, '--format', 'docx');
    expect(badFormat.code).toBe(2);
    expect(badFormat.stderr).toContain('--format must be one of html, pdf, json, csv, labels');
    expect((await cmsHa('verify', RECORDED_SESSION)).code).toBe(2);
  });
});
