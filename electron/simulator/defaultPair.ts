import { DEFAULT_LOG_PATHS } from '../../shared/procedure/serverLogs.ts';
import type { SimAcd, SimDrive, SimDriveModel, SimHost, SimPairState, SimTape } from './simState.ts';

const drive = (device: string, model: SimDriveModel): SimDrive => ({
  device,
  model,
  tapeId: null,
  offline: false,
  busy: false,
  fileNo: 0,
  blockNo: 0,
});

const acds = (): SimAcd[] => [
  { number: 1, name: 'acd1', dataCollection: true },
  { number: 2, name: 'acd2', dataCollection: true },
];

/**
 * storage.def as the simulated pair keeps it: INVENTED. The manual says only that the file holds the
 * data storage parameters with the default value "on the line immediately below each storage
 * parameter" (p. 32); these parameters and values are made up in that shape.
 */
export const SIM_STORAGE_DEF = [
  'Data storage parameters, ACD 1 (simulated)',
  'Intrahour interval (15, 30 or 60 minutes):',
  '30',
  'Days of intrahour data:',
  '31',
  'Days of daily data:',
  '387',
  'Weeks of weekly data:',
  '53',
  'Months of monthly data:',
  '13',
  '',
].join('\n');

/** The patches `showrev -p` lists on the simulated pair: INVENTED ids in the shape of Solaris 8 and 9 patches. */
export const SIM_SOLARIS_8_PATCHES = ['108528-29', '108827-36', '108993-31'] as const;
export const SIM_SOLARIS_9_PATCHES = ['112233-12', '112874-31', '113319-22'] as const;

/** 20 GB DDS-4 cartridge, in 512-byte blocks. */
export const DDS4_CAPACITY_BLOCKS = 40_000_000;

export function blankTape(id: string, capacityBlocks = DDS4_CAPACITY_BLOCKS): SimTape {
  return { id, capacityBlocks, writeProtected: false, content: null };
}

/**
 * The training pair: ORIG a Sun Blade 100 on Solaris 8 with CMS R3V9, NEW a Sun Blade 150 on Solaris 9
 * with CMS R3V11, both with DDS-4 drives (a supported pair that needs no drive replacement), and a box of
 * eight blank DDS-4 tapes.
 */
export function defaultPair(): SimPairState {
  const orig: SimHost = {
    name: 'orig',
    hostname: 'cms-orig',
    solarisRelease: '5.8',
    kernelVersion: 'Generic_117350-02',
    platform: 'SUNW,Sun-Blade-100',
    cmsVersion: 'r3v9ak.g',
    cmsState: 'multi-user',
    acds: acds(),
    drives: [drive('/dev/rmt/0', 'dds4')],
    cmsadmBlocks: 1_843_200,
    migrations: [],
    cmsDamaged: false,
    files: { [DEFAULT_LOG_PATHS.storageDef]: SIM_STORAGE_DEF },
    patches: [...SIM_SOLARIS_8_PATCHES],
    locale: 'C',
  };
  const newHost: SimHost = {
    ...orig,
    name: 'new',
    hostname: 'cms-new',
    solarisRelease: '5.9',
    kernelVersion: 'Generic_117171-07',
    // The Sun Blade 150 reports itself with the Blade 100's platform name.
    platform: 'SUNW,Sun-Blade-100',
    cmsVersion: 'r3v11ak.g',
    acds: acds(),
    drives: [drive('/dev/rmt/0', 'dds4')],
    cmsadmBlocks: 2_150_400,
    migrations: [],
    // The TSC set NEW's data storage parameters to ORIG's (Setting up CMS on an HA server).
    files: { [DEFAULT_LOG_PATHS.storageDef]: SIM_STORAGE_DEF },
    patches: [...SIM_SOLARIS_9_PATCHES],
  };
  const tapes = Object.fromEntries(
    Array.from({ length: 8 }, (_, i) => {
      const tape = blankTape(`DDS4-${String(i + 1).padStart(2, '0')}`);
      return [tape.id, tape];
    }),
  );
  return { hosts: { orig, new: newHost }, tapes };
}
