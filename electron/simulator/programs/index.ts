import type { Program } from '../program.ts';
import { brCheck } from './brCheck.ts';
import { cmsadm } from './cmsadm.ts';
import { cmsInterface } from './cmsInterface.ts';
import { mt } from './mt.ts';
import { simctl } from './simctl.ts';
import { su } from './su.ts';
import { dd, od } from './tapeRead.ts';
import { cat, date, hostname, locale, pkginfo, showrev, sleep, uname } from './systemInfo.ts';

/** Every command the simulated host knows, by the names (and paths) a technician types. */
export const PROGRAMS: Readonly<Record<string, Program>> = {
  uname,
  hostname,
  pkginfo,
  showrev,
  locale,
  cat,
  sleep,
  date,
  mt,
  cmsadm,
  cms: cmsInterface,
  br_check: brCheck,
  '/cms/bin/br_check': brCheck,
  'cms/bin/br_check': brCheck,
  simctl,
  su,
  dd,
  od,
};
