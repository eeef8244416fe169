import { loadInstallationKey, type InstallationKey } from './installationKey.ts';
import { defaultKeyDirectory, userOnlyFileVault } from './keyVaults.ts';

/** The key of the CLI and the browser harness: a file only this user can read, in ~/.cms-ha. */
export function nodeInstallationKey(): Promise<InstallationKey> {
  return loadInstallationKey(userOnlyFileVault(defaultKeyDirectory()));
}
