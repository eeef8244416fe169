import type { Program } from '../program.ts';
import { blankTape, SIM_SOLARIS_9_PATCHES } from '../defaultPair.ts';
import { tablesForDataLetters, volumeLabel } from '../maintenanceTables.ts';
import { findDrive } from '../simDevices.ts';
import type { SimPairState } from '../simState.ts';

const USAGE = `usage: simctl <command>
  tapes                              list every tape and where it is
  insert <tape> [device]             put a tape into this host's drive (default /dev/rmt/0)
  eject [device]                     take the tape out of the drive
  protect <tape> on|off              set the write-protect switch
  new-tape <tape> [capacity-blocks]  unpack a blank tape
  drive <device> online|offline|busy|idle
  data-collection <acd> on|off
  archive-now                        an interval archive finishes now on every ACD
  cue-upgrade <cms-version>          the CUE upgrade: new CMS version, Solaris 9, a fresh CMS setup
  cue-upgrade-fails                  a CUE upgrade that breaks off: CMS down, the old version left half-replaced
  restore-cmsadm                     boot from the CMSADM tape in the drive and restore the system saved on it
  write-maintenance <tape> <LLLL> <F|I>   a maintenance backup of this host, as the CMS menu writes it
  noise <bytes>                      print that much console output (to try a long transcript)
  tty                                the size of this terminal, as the SSH client set it
`;

/** The technician's hands on the simulated pair: tapes in and out, switches, drive trouble. */
export const simctl: Program = async ({ args, io, store, host, now, terminalSize }) => {
  const [command, ...rest] = args;
  const fail = (message: string) => {
    io.writeError(`simctl: ${message}\n`);
    return 1;
  };
  if (command === 'tapes') {
    const state = await store.read();
    for (const tape of Object.values(state.tapes)) {
      const where = locate(state, tape.id) ?? 'on the desk';
      const content =
        tape.content === null
          ? 'blank'
          : tape.content.kind === 'cmsadm'
            ? `cmsadm ${tape.content.host} tape ${tape.content.number}${tape.content.of ? ` of ${tape.content.of}` : ''}`
            : `maintenance ${tape.content.volumeLabel}`;
      io.write(
        `${tape.id}\t${tape.capacityBlocks} blocks\t${tape.writeProtected ? 'write-protected' : 'writable'}\t${content}\t${where}\n`,
      );
    }
    return 0;
  }
  if (command === 'tty') {
    const size = terminalSize();
    if (!size) return fail('not on a terminal whose size is known here');
    io.write(`terminal ${size.cols}x${size.rows}\n`);
    return 0;
  }
  if (command === 'noise') {
    const bytes = Number(rest[0]);
    if (!Number.isInteger(bytes) || bytes < 1 || bytes > 1024 ** 3)
      return fail('usage: noise <bytes> (1 to 1 GiB)');
    const line = 'simulated console output 0123456789 abcdefghijklmnopqrstuvwxyz\n';
    const block = line.repeat(1024);
    for (let written = 0; written < bytes; written += block.length) io.write(block.slice(0, bytes - written));
    io.write('noise done\n');
    return 0;
  }
  return store.update((state) => {
    const h = state.hosts[host];
    switch (command) {
      case 'insert': {
        const [tapeId, device = '/dev/rmt/0'] = rest;
        if (!tapeId || !state.tapes[tapeId]) return fail(`no tape "${tapeId ?? ''}"`);
        const drive = findDrive(h, device);
        if (!drive) return fail(`${device}: no such drive on ${h.hostname}`);
        if (drive.tapeId) return fail(`${device} already holds ${drive.tapeId}: eject it first`);
        const elsewhere = locate(state, tapeId);
        if (elsewhere) return fail(`${tapeId} is in ${elsewhere}: eject it first`);
        drive.tapeId = tapeId;
        drive.fileNo = 0;
        drive.blockNo = 0;
        io.write(`${tapeId} inserted into ${h.hostname} ${drive.device}\n`);
        return 0;
      }
      case 'eject': {
        const drive = findDrive(h, rest[0] ?? '/dev/rmt/0');
        if (!drive) return fail(`${rest[0]}: no such drive`);
        if (!drive.tapeId) return fail(`${drive.device} is empty`);
        if (drive.busy) return fail(`${drive.device} is busy`);
        io.write(`${drive.tapeId} ejected from ${h.hostname} ${drive.device}\n`);
        drive.tapeId = null;
        return 0;
      }
      case 'protect': {
        const tape = state.tapes[rest[0] ?? ''];
        if (!tape || !['on', 'off'].includes(rest[1] ?? '')) return fail('usage: protect <tape> on|off');
        tape.writeProtected = rest[1] === 'on';
        return 0;
      }
      case 'new-tape': {
        const [tapeId, capacity] = rest;
        if (!tapeId || !/^[A-Za-z0-9._-]{1,32}$/.test(tapeId))
          return fail('usage: new-tape <tape> [capacity-blocks]');
        if (state.tapes[tapeId]) return fail(`${tapeId} exists already`);
        const blocks = capacity === undefined ? undefined : Number(capacity);
        if (blocks !== undefined && !(Number.isInteger(blocks) && blocks > 0))
          return fail('capacity must be a positive number of blocks');
        state.tapes[tapeId] = blankTape(tapeId, blocks);
        return 0;
      }
      case 'drive': {
        const drive = findDrive(h, rest[0] ?? '');
        const mode = rest[1];
        if (!drive || !mode) return fail('usage: drive <device> online|offline|busy|idle');
        if (mode === 'online' || mode === 'offline') drive.offline = mode === 'offline';
        else if (mode === 'busy' || mode === 'idle') drive.busy = mode === 'busy';
        else return fail('usage: drive <device> online|offline|busy|idle');
        return 0;
      }
      case 'data-collection': {
        const acd = h.acds.find((a) => String(a.number) === rest[0] || a.name === rest[0]);
        if (!acd || !['on', 'off'].includes(rest[1] ?? ''))
          return fail('usage: data-collection <acd> on|off');
        acd.dataCollection = rest[1] === 'on';
        return 0;
      }
      case 'cue-upgrade': {
        const version = rest[0];
        if (!version || !/^r\d+v\d+\w*(\.\w+)?$/.test(version))
          return fail('usage: cue-upgrade <cms-version, e.g. r3v11ak.g>');
        h.cmsVersion = version;
        h.solarisRelease = '5.9';
        h.kernelVersion = 'Generic_117171-07';
        h.patches = [...SIM_SOLARIS_9_PATCHES];
        h.migrations = [];
        h.cmsDamaged = false;
        h.cmsState = 'multi-user';
        return 0;
      }
      case 'cue-upgrade-fails':
        h.cmsDamaged = true;
        h.cmsState = 'off';
        for (const acd of h.acds) acd.dataCollection = false;
        return 0;
      case 'restore-cmsadm': {
        const drive = findDrive(h, '/dev/rmt/0');
        const content = drive?.tapeId ? state.tapes[drive.tapeId]?.content : null;
        if (content?.kind !== 'cmsadm' || content.host !== h.hostname)
          return fail(`the drive of ${h.hostname} holds no CMSADM backup of ${h.hostname}`);
        if (content.number !== 1)
          return fail(`the restore boots from tape 1 of the set, not tape ${content.number}`);
        h.cmsVersion = content.cmsVersion;
        if (content.system) {
          h.solarisRelease = content.system.solarisRelease;
          h.kernelVersion = content.system.kernelVersion;
          h.patches = [...content.system.patches];
        }
        h.migrations = [];
        h.cmsDamaged = false;
        h.cmsState = 'multi-user';
        // CMS comes back with its links down: data collection is turned on again by hand.
        for (const acd of h.acds) acd.dataCollection = false;
        io.write(`${h.hostname} restored from ${drive!.tapeId}: CMS ${content.cmsVersion}\n`);
        return 0;
      }
      case 'archive-now':
        h.lastArchiveAt = now().toISOString();
        return 0;
      case 'write-maintenance': {
        const [tapeId, letters, mode] = rest;
        const tape = state.tapes[tapeId ?? ''];
        if (!tape || !/^[LX][SX][MHAX][CX]$/.test(letters ?? '') || (mode !== 'F' && mode !== 'I')) {
          return fail('usage: write-maintenance <tape> <LLLL> <F|I>');
        }
        const date = now();
        tape.content = {
          kind: 'maintenance',
          volumeLabel: volumeLabel(h.hostname, date, 1, letters!, mode),
          host: h.hostname,
          cmsVersion: h.cmsVersion,
          date: date.toISOString().slice(0, 10),
          acds: h.acds.map((a) => a.number),
          dataLetters: letters!,
          mode,
          tables: tablesForDataLetters(letters!),
        };
        return 0;
      }
      default:
        io.writeError(USAGE);
        return 2;
    }
  });
};

function locate(state: SimPairState, tapeId: string): string | null {
  for (const host of Object.values(state.hosts)) {
    const drive = host.drives.find((d) => d.tapeId === tapeId);
    if (drive) return `${host.hostname} ${drive.device}`;
  }
  return null;
}
