import { chmod, readdir, readFile, rename, rm, stat, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HEAD_FILE } from '../../electron/journal/journalHead.ts';
import { encodeJournalLine, GENESIS_HASH, sha256Hex } from '../../electron/journal/journalLine.ts';
import { createSessionFolder } from '../../electron/journal/sessionFolders.ts';
import { JOURNAL_FILE, SessionJournal } from '../../electron/journal/sessionJournal.ts';
import { exportReport, type ReportRecordFile } from '../../electron/report/exportReport.ts';
import { readSessionRecord } from '../../electron/report/sessionRecord.ts';
import { verifyReport } from '../../electron/report/verifyReport.ts';
import { loadInstallationKey, type InstallationKey } from '../../electron/signing/installationKey.ts';
import { protectedFileVault, userOnlyFileVault } from '../../electron/signing/keyVaults.ts';
import { paperHeadText } from '../../shared/report/signedHead.ts';
import { testInstallationKey } from '../support/installationKey.ts';
import { ScenarioBuilder } from '../support/sessionScenario.ts';
import { useTempDirs } from '../support/tempDir.ts';

const tempDir = useTempDirs();

async function anotherKey(): Promise<InstallationKey> {
  return loadInstallationKey(userOnlyFileVault(await tempDir()));
}

/** A session written by this installation (its head signed), and the JSON report it exported. */
async function signedSession(key: InstallationKey) {
  const directory = await createSessionFolder(await tempDir(), 'Signed', '2026-12-02');
  const journal = await SessionJournal.open(directory, { signer: key });
  const scenario = new ScenarioBuilder()
    .created()
    .add({ type: 'step-started', stepId: 'P1' })
    .add({ type: 'step-passed', stepId: 'P1' });
  for (const event of scenario.events) await journal.append(event);
  await journal.close();
  const [reportFile] = await exportReport(await readSessionRecord(directory), {
    format: 'json',
    signer: key,
  });
  const reportText = await readFile(reportFile!, 'utf8');
  const paper = paperHeadText((JSON.parse(reportText) as ReportRecordFile).signedHead);
  return { directory, reportText, paper };
}

/**
 * What someone with the session folder and no key does: edits an event, recomputes the whole chain,
 * and writes a head that matches it (keeping the old signature, or leaving it out).
 */
async function rewriteHistory(directory: string, head: 'keep-signature' | 'unsigned'): Promise<void> {
  const lines = (await readFile(path.join(directory, JOURNAL_FILE), 'utf8')).trim().split('\n');
  let prev = GENESIS_HASH;
  const rewritten = lines.map((text, index) => {
    const line = JSON.parse(text) as { event: Record<string, unknown> };
    if (line.event.type === 'session-created') line.event.technician = 'Someone Else';
    const encoded = encodeJournalLine({ seq: index + 1, prev, event: line.event });
    prev = sha256Hex(encoded);
    return encoded;
  });
  await writeFile(path.join(directory, JOURNAL_FILE), `${rewritten.join('\n')}\n`);
  const old = JSON.parse(await readFile(path.join(directory, HEAD_FILE), 'utf8')) as Record<string, unknown>;
  const forged =
    head === 'keep-signature'
      ? { ...old, events: lines.length, hash: prev }
      : { events: lines.length, hash: prev, at: old.at };
  await writeFile(path.join(directory, HEAD_FILE), JSON.stringify(forged));
}

describe('the installation key', () => {
  it('is made once, in a file only the user can read, and is the same key every time after', async () => {
    const folder = path.join(await tempDir(), 'home', '.cms-ha');
    const [first, second] = await Promise.all([
      loadInstallationKey(userOnlyFileVault(folder)),
      loadInstallationKey(userOnlyFileVault(folder)),
    ]);
    expect(second!.publicKey).toBe(first!.publicKey);
    expect((await loadInstallationKey(userOnlyFileVault(folder))).publicKey).toBe(first!.publicKey);
    expect((await stat(path.join(folder, 'installation-key.pem'))).mode & 0o777).toBe(0o600);
    expect((await stat(folder)).mode & 0o777).toBe(0o700);
    expect((await readdir(folder)).sort()).toEqual(['installation-key.pem', 'installation-key.pub']);
    expect(first!.fingerprint).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
  });

  it('refuses a key file that others can read, or that is a link', async () => {
    const folder = await tempDir();
    await loadInstallationKey(userOnlyFileVault(folder));
    const file = path.join(folder, 'installation-key.pem');
    await chmod(file, 0o644);
    await expect(loadInstallationKey(userOnlyFileVault(folder))).rejects.toThrow(
      'can be read by other users of this computer',
    );
    await chmod(file, 0o600);
    await rename(file, `${file}.real`);
    await symlink(`${file}.real`, file);
    await expect(loadInstallationKey(userOnlyFileVault(folder))).rejects.toThrow('is a symbolic link');
    await rm(file);
    await writeFile(file, 'not a key', { mode: 0o600 });
    await expect(loadInstallationKey(userOnlyFileVault(folder))).rejects.toThrow(
      `The installation key in ${file} cannot be used (`,
    );
  });

  it("kept by the system's key store, the file alone does not hold the key", async () => {
    const folder = await tempDir();
    // A stand-in for Electron's safeStorage (which needs Electron): a cipher with a secret the file lacks.
    const secret = 0x5a;
    const protector = {
      isEncryptionAvailable: () => true,
      encryptString: (text: string) => Buffer.from([...Buffer.from(text)].map((byte) => byte ^ secret)),
      decryptString: (sealed: Buffer) => Buffer.from([...sealed].map((byte) => byte ^ secret)).toString(),
    };
    const key = await loadInstallationKey(protectedFileVault(folder, protector));
    expect((await loadInstallationKey(protectedFileVault(folder, protector))).publicKey).toBe(key.publicKey);
    const stored = await readFile(path.join(folder, 'installation-key.sealed'), 'utf8');
    expect(stored).not.toContain('PRIVATE KEY');
    const noKeyStore = protectedFileVault(await tempDir(), {
      ...protector,
      isEncryptionAvailable: () => false,
    });
    expect(noKeyStore.where).toMatch(/installation-key\.pem \(this system offers no key store\)$/);
  });
});

describe('a record signed with the installation key', () => {
  it('verifies: the report and the journal head signed by this installation, and the paper copy matching', async () => {
    const key = await testInstallationKey();
    const { directory, reportText, paper } = await signedSession(key);
    const head = JSON.parse(await readFile(path.join(directory, HEAD_FILE), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(head).toMatchObject({ events: 3, publicKey: key.publicKey, signature: expect.any(String) });
    const result = await verifyReport(directory, reportText, { paper, installationPublicKey: key.publicKey });
    expect(result).toEqual({
      ok: true,
      findings: [
        expect.stringMatching(/^The report matches the journal after 3 events/),
        `The report is signed by this installation's key ${key.fingerprint}; compare it with the key printed on the signed paper copy.`,
        'No customer sign-off is recorded in the report.',
        `The signed paper copy (3 events, installation key ${key.fingerprint}) matches the journal's history.`,
        `The journal's head (3 events) is signed by this installation's key ${key.fingerprint}.`,
      ],
    });
  });

  it('a history rewritten without the key: the head no longer verifies, and the session opens read-only', async () => {
    const { directory } = await signedSession(await testInstallationKey());
    await rewriteHistory(directory, 'keep-signature');
    const journal = await SessionJournal.open(directory);
    expect(journal.readOnly).toBe(true);
    expect(journal.openReport.problem?.reason).toMatch(
      /the journal's head file was altered: its signature does not match the 3 events/,
    );
    await journal.close();
    expect((await readSessionRecord(directory)).problem).toMatch(/head file was altered/);
  });

  it('a history rewritten and a report made again without the key does not verify', async () => {
    const key = await testInstallationKey();
    const { directory, reportText, paper } = await signedSession(key);
    await rewriteHistory(directory, 'unsigned');
    const record = await readSessionRecord(directory);
    expect(record.problem).toBeNull();

    // The old report no longer matches the journal.
    expect((await verifyReport(directory, reportText)).ok).toBe(false);

    // A report made from the rewritten journal with no signature: refused.
    const unsigned = JSON.parse(reportText) as Partial<ReportRecordFile>;
    const forger = await anotherKey();
    const [reSigned] = await exportReport(record, {
      format: 'json',
      out: path.join(await tempDir(), 'forged.json'),
      signer: forger,
    });
    const forged = JSON.parse(await readFile(reSigned!, 'utf8')) as Partial<ReportRecordFile>;
    delete forged.signedHead;
    expect(await verifyReport(directory, JSON.stringify(forged))).toEqual({
      ok: false,
      findings: ['The report is not signed: it was made by an older version, or its signature was removed.'],
    });

    // The same report with the old signature pasted in: not valid for the point it states.
    forged.signedHead = { ...unsigned.signedHead!, hash: record.chainFingerprint };
    expect((await verifyReport(directory, JSON.stringify(forged))).findings).toEqual([
      "The report's signature is not valid for the journal point it states: the report or its signature was altered.",
    ]);

    // Signed with the forger's own key: the key is not this installation's, and the paper copy disagrees.
    const forgedText = await readFile(reSigned!, 'utf8');
    const result = await verifyReport(directory, forgedText, { paper, installationPublicKey: key.publicKey });
    expect(result.ok).toBe(false);
    expect(result.findings).toEqual([
      'The journal is not the one the paper copy was signed for: its history up to event 3 differs (it was rewritten after the paper was signed), or it is another session.',
    ]);
    const withoutPaper = await verifyReport(directory, forgedText, { installationPublicKey: key.publicKey });
    expect(withoutPaper.findings).toContain(
      `The report is signed by installation key ${forger.fingerprint}, which is not this installation's (${key.fingerprint}); compare it with the key printed on the signed paper copy.`,
    );
    expect(withoutPaper.findings).toContain(
      "The journal's head (3 events) is not signed: a session of an older version, or its signature was removed.",
    );
  });

  it('a history rewritten by the key holder is caught by the signed paper copy', async () => {
    const key = await testInstallationKey();
    const { directory, paper } = await signedSession(key);
    await rewriteHistory(directory, 'unsigned');
    // The key holder opens and re-exports the rewritten session: everything is signed by the right key.
    const journal = await SessionJournal.open(directory, { signer: key });
    await journal.close();
    const [again] = await exportReport(await readSessionRecord(directory), { format: 'json', signer: key });
    const reportText = await readFile(again!, 'utf8');
    expect((await verifyReport(directory, reportText, { installationPublicKey: key.publicKey })).ok).toBe(
      true,
    );
    expect(
      await verifyReport(directory, reportText, { paper, installationPublicKey: key.publicKey }),
    ).toEqual({
      ok: false,
      findings: [
        'The journal is not the one the paper copy was signed for: its history up to event 3 differs (it was rewritten after the paper was signed), or it is another session.',
      ],
    });
    // A mistyped or altered paper text is said as such.
    const altered = paper.replace(
      / (\S)(\S*)$/,
      (_all, first: string, rest: string) => ` ${first === 'A' ? 'B' : 'A'}${rest}`,
    );
    expect((await verifyReport(directory, reportText, { paper: altered })).findings).toEqual([
      "The paper copy's signature is not valid: the text was mistyped or altered.",
    ]);
    expect((await verifyReport(directory, reportText, { paper: 'hello' })).findings).toEqual([
      "The --paper text is not the text of a report's QR code (CMSHA1, events, hash, key, signature).",
    ]);
  });
});

describe('sessions of older versions', () => {
  it('open and verify without a head file, and say that nothing vouches for their end', async () => {
    const key = await testInstallationKey();
    const { directory, reportText } = await signedSession(key);
    await rm(path.join(directory, HEAD_FILE));
    const result = await verifyReport(directory, reportText);
    expect(result.ok).toBe(true);
    expect(result.findings.at(-1)).toMatch(/^The session folder has no journal head/);
  });
});
