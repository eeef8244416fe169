import { unrecognised, type Unrecognised } from './parseResult.ts';

/**
 * The CMS version and base load from `pkginfo -l cms`. ASSUMPTION (not in the manual): CMS is the
 * Solaris package `cms` and its VERSION field is the version with the load (`r3v11ak.g`), as the
 * simulator prints it; `pkginfo -l`'s `   VERSION:  …` field layout is Solaris's own.
 */
export type CmsPackageVersion = { kind: 'version'; version: string } | Unrecognised;

export function parseCmsPackageVersion(output: string): CmsPackageVersion {
  const version = /^\s*VERSION:\s*(\S+)\s*$/m.exec(output)?.[1];
  return version ? { kind: 'version', version } : unrecognised(output, 'no VERSION line for the cms package');
}
