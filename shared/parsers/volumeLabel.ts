import { unrecognised, type Unrecognised } from './parseResult.ts';

/**
 * The label CMS writes on every maintenance backup (CentreVu CMS administration guide, "labeling the
 * backup volume"): `SYSTEM-YYMMDD-NN-LLLL-AA-M-TT`.
 */
export interface VolumeLabel {
  kind: 'recognised';
  system: string;
  /** YYYY-MM-DD. */
  date: string;
  backupOfDay: number;
  letters: string;
  dataTypes: {
    localSystemAdmin: boolean;
    cmsSystemAdmin: boolean;
    acdAdmin: boolean;
    historical: boolean;
    custom: boolean;
  };
  /** 0 = all ACDs. */
  acd: number;
  mode: 'full' | 'incremental';
  tape: number;
  raw: string;
}

const LABEL = /^(.+)-(\d{2})(\d{2})(\d{2})-(\d{2})-([LX])([SX])([MHAX])([CX])-(\d{2})-([FI])-(\d{2})$/;

export function parseVolumeLabel(raw: string): VolumeLabel | Unrecognised {
  const text = raw.trim();
  const match = LABEL.exec(text);
  if (!match) return unrecognised(raw, 'not of the form SYSTEM-YYMMDD-NN-LLLL-AA-M-TT');
  const [, system, yy, mm, dd, nn, local, cms, acd, custom, acdNumber, mode, tape] = match;
  const month = Number(mm);
  const day = Number(dd);
  if (month < 1 || month > 12 || day < 1 || day > 31)
    return unrecognised(raw, `${yy}${mm}${dd} is not a date`);
  // CMS labels carry two-digit years; the CMS releases in question date from 1990 on.
  const year = Number(yy) >= 90 ? 1900 + Number(yy) : 2000 + Number(yy);
  return {
    kind: 'recognised',
    system: system!,
    date: `${year}-${mm}-${dd}`,
    backupOfDay: Number(nn),
    letters: `${local}${cms}${acd}${custom}`,
    dataTypes: {
      localSystemAdmin: local === 'L',
      cmsSystemAdmin: cms === 'S',
      acdAdmin: acd === 'M' || acd === 'A',
      historical: acd === 'H' || acd === 'A',
      custom: custom === 'C',
    },
    acd: Number(acdNumber),
    mode: mode === 'F' ? 'full' : 'incremental',
    tape: Number(tape),
    raw,
  };
}
