import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadInstallationKey, type InstallationKey } from '../../electron/signing/installationKey.ts';
import type { ReportSigning } from '../../shared/report/reportHtml.ts';
import type { UpgradeReport } from '../../shared/report/upgradeReport.ts';
import { userOnlyFileVault } from '../../electron/signing/keyVaults.ts';

let key: Promise<InstallationKey> | null = null;

/** One installation key per test process, made and kept as the CLI keeps its own (a user-only file). */
export function testInstallationKey(): Promise<InstallationKey> {
  key ??= mkdtemp(path.join(os.tmpdir(), 'cms-ha-key-')).then((directory) =>
    loadInstallationKey(userOnlyFileVault(directory)),
  );
  return key;
}

/** The report's point in the journal signed with the test installation's key, as an export signs it. */
export async function testReportSigning(report: UpgradeReport): Promise<ReportSigning> {
  const installationKey = await testInstallationKey();
  return {
    head: installationKey.signHead(report.journal.events, report.journal.chainFingerprint),
    keyFingerprint: installationKey.fingerprint,
  };
}
