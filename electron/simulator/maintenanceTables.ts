import { TABLES_BY_DATA_TYPE } from '../../shared/procedure/cmsTables.ts';

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
