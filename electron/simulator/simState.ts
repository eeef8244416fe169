import type { ProcedureTapeDrive } from '../../shared/procedure/tapeDrives.ts';

/** The simulated CMS pair: two hosts and the tapes that move between them. Plain JSON. */
export type SimHostName = 'orig' | 'new';
export const SIM_HOST_NAMES: readonly SimHostName[] = ['orig', 'new'];

/** Drive models the manual names, plus an unnamed one for Solaris's generic output. */
export type SimDriveModel = ProcedureTapeDrive;

export interface SimDrive {
  device: string;
  model: SimDriveModel;
  tapeId: string | null;
  offline: boolean;
  busy: boolean;
  /** Position after the last operation, as mt reports it. */
  fileNo: number;
  blockNo: number;
}

export type CmsState = 'multi-user' | 'single-user' | 'off';

export interface SimAcd {
  number: number;
  name: string;
  dataCollection: boolean;
}

export interface SimHost {
  name: SimHostName;
  hostname: string;
  solarisRelease: string;
  kernelVersion: string;
  platform: string;
  cmsVersion: string;
  cmsState: CmsState;
  acds: SimAcd[];
  drives: SimDrive[];
  /** Blocks (512 bytes) a CMSADM backup of this host writes. */
  cmsadmBlocks: number;
  /** Migrations done since the last CMS setup; a second one of the same kind corrupts the data. */
  migrations: { dataType: string; tapeId: string; at: string }[];
  cmsDamaged: boolean;
  /** When set, the last interval archive finished at this ISO time (simctl archive-now); otherwise the schedule decides. */
  lastArchiveAt?: string;
  /** Who is logged in to the CMS interface now (single-user mode admits one): a process each. */
  cmsLogins?: { id: string; pid: number }[];
  /** Virtual files the programs write and `cat` reads (migration and restore logs, storage.def). */
  files: Record<string, string>;
  /** Installed patches (`108528-29`), for `showrev -p`; absent in states saved by older versions. */
  patches?: string[];
  /** The LANG `locale` reports; absent: C. */
  locale?: string;
}

export type SimTapeContent =
  | {
      kind: 'cmsadm';
      setId: string;
      number: number;
      blocks: number;
      host: string;
      cmsVersion: string;
      date: string;
      /** Known once the set is complete. */
      of: number | null;
      /** The system the backup saved, which a restore from it brings back; absent in states of older versions. */
      system?: { solarisRelease: string; kernelVersion: string; patches: string[] };
    }
  | MaintenanceContent;

/** A CMS maintenance backup volume on a simulated tape. */
export interface MaintenanceContent {
  kind: 'maintenance';
  volumeLabel: string;
  host: string;
  cmsVersion: string;
  date: string;
  acds: number[];
  dataLetters: string;
  mode: 'F' | 'I';
  tables: string[];
}

export interface SimTape {
  id: string;
  /** Capacity in 512-byte blocks. */
  capacityBlocks: number;
  writeProtected: boolean;
  content: SimTapeContent | null;
}

export interface SimPairState {
  hosts: Record<SimHostName, SimHost>;
  tapes: Record<string, SimTape>;
  /**
   * `unfamiliar`: the outputs the manual does not pin down are printed another way than the app's
   * parsers expect (see `unfamiliarOutputs.ts`), to train and test what happens when the app cannot read
   * a real server. Absent: the default outputs.
   */
  outputs?: 'default' | 'unfamiliar';
  /** `refused`: root cannot log in over SSH (SunSSH's default); log in as another user and `su -`. */
  rootLogin?: 'allowed' | 'refused';
}
