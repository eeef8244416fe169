/** Database tables a CMS maintenance backup writes for each data type (a representative subset). */
export const TABLES_BY_DATA_TYPE = {
  localSystemAdmin: ['lsys_prefs', 'lsys_printers', 'lsys_timetable'],
  cmsSystemAdmin: ['cms_users', 'cms_user_perms', 'cms_ext_call_hist', 'cms_storage'],
  acdSpecificAdmin: [
    'acd_shifts',
    'agroups',
    'synonyms',
    'split_admin',
    'vdn_admin',
    'vector_admin',
    'fc_admin',
  ],
  historical: [
    'hsplit',
    'dsplit',
    'wsplit',
    'msplit',
    'hagent',
    'dagent',
    'hvdn',
    'dvdn',
    'hvector',
    'htkgrp',
    'haglog',
  ],
  nonCms: ['custom_tables'],
} as const;

/**
 * Which tables a backup with these data-type letters (`LSMC`, `XSMC`, `LSAC`, `XXAC`…) holds.
 * 3rd letter: M = ACD-specific admin, H = historical, A = both.
 */
export function tablesForDataLetters(letters: string): string[] {
  const [local, system, acd, custom] = letters.split('');
  return [
    ...(local === 'L' ? TABLES_BY_DATA_TYPE.localSystemAdmin : []),
    ...(system === 'S' ? TABLES_BY_DATA_TYPE.cmsSystemAdmin : []),
    ...(acd === 'M' || acd === 'A' ? TABLES_BY_DATA_TYPE.acdSpecificAdmin : []),
    ...(acd === 'H' || acd === 'A' ? TABLES_BY_DATA_TYPE.historical : []),
    ...(custom === 'C' ? TABLES_BY_DATA_TYPE.nonCms : []),
  ];
}

/** `SYSTEM-YYMMDD-NN-LLLL-AA-M-TT` with the host name as system name (dashes removed, upper case). */
export function volumeLabel(
  hostname: string,
  date: Date,
  backupOfDay: number,
  letters: string,
  mode: 'F' | 'I',
  tape = 1,
): string {
  const system = hostname.replace(/[^A-Za-z0-9]/g, '').toUpperCase();
  const yymmdd = date.toISOString().slice(2, 10).replace(/-/g, '');
  const two = (n: number) => String(n).padStart(2, '0');
  return `${system}-${yymmdd}-${two(backupOfDay)}-${letters}-00-${mode}-${two(tape)}`;
}
