import type { Program, ProgramContext } from '../program.ts';
import { driveDisplayName } from '../simDevices.ts';
import type { SimDrive, SimTape } from '../simState.ts';
import {
  UNFAMILIAR_CMSADM_BACKUP_CHOICE,
  UNFAMILIAR_CMSADM_MENU,
  UNFAMILIAR_CMSADM_SILENCE_MS,
} from '../unfamiliarOutputs.ts';

const MENU = `Avaya Call Management System Administration Menu
Select a command from the list below.
  1) acd_create      Define a new ACD
  2) acd_remove      Remove an ACD
  3) backup          Filesystem backup
  4) pkg_install     Install a feature package
  5) pkg_remove      Remove a feature package
  6) run_pkg         Turn a feature package on or off
  7) run_cms         Turn CMS on or off
  8) passwd_age      Set password aging
Enter choice (1-8) or q to quit:`;

/** Simulated milliseconds per block written or read: a DDS-4 moves about 3 MB/s. */
const MS_PER_BLOCK = (512 / 3_000_000) * 1000;

/** `cmsadm`: the menu, and the whole CMSADM backup dialog of the manual (pp. 25-26). */
export const cmsadm: Program = async (context) => {
  const { io } = context;
  const unfamiliar = (await context.store.read()).outputs === 'unfamiliar';
  const backupChoice = unfamiliar ? UNFAMILIAR_CMSADM_BACKUP_CHOICE : '3';
  for (;;) {
    io.write(`${unfamiliar ? UNFAMILIAR_CMSADM_MENU : MENU} `);
    const choice = await io.readLine();
    if (choice === null || choice.trim() === 'q') return 0;
    if (choice.trim() === backupChoice || choice.trim() === 'backup') return backup(context, unfamiliar);
    if (/^[1-8]$/.test(choice.trim())) {
      io.write('This option is not available on the simulated server.\n');
      continue;
    }
    io.write(`"${choice.trim()}" is not a valid choice.\n`);
  }
};

async function backup(context: ProgramContext, unfamiliar: boolean): Promise<number> {
  const { io, store, host } = context;
  const state = await store.read();
  const drives = state.hosts[host].drives;
  let device = drives[0]!.device;
  if (drives.length > 1) {
    io.write('Select the tape drive:\n');
    drives.forEach((drive, index) =>
      io.write(` ${index + 1}) ${driveDisplayName(drive)}: ${drive.device}\n`),
    );
    for (;;) {
      io.write(`Enter choice (1-${drives.length}): `);
      const answer = await io.readLine();
      if (answer === null) return 1;
      const index = Number(answer.trim()) - 1;
      if (drives[index]) {
        device = drives[index].device;
        break;
      }
    }
  }

  const setId = `${host}-${context.now().getTime()}`;
  const total = state.hosts[host].cmsadmBlocks;
  let written = 0;
  let tapeNumber = 1;
  io.write(
    `Please insert the first cartridge tape into ${device}.\nPress ENTER when ready or Del to quit:^?`,
  );
  if ((await io.readLine()) === null) return 1;

  while (written < total) {
    const outcome = await writeTape(context, device, setId, tapeNumber, total - written);
    if (unfamiliar && outcome.kind === 'written') await context.delay(UNFAMILIAR_CMSADM_SILENCE_MS);
    if (outcome.kind === 'error') {
      io.write(`\n${outcome.message}\n`);
      io.write(`Please insert tape number ${tapeNumber} into ${device} and press Enter, or Del to quit:`);
      if ((await io.readLine()) === null) return 1;
      continue;
    }
    written += outcome.blocks;
    if (written < total) {
      tapeNumber++;
      io.write(
        `End of medium on "output".\nPlease remove the current tape, number it, insert tape number ${tapeNumber}, and\npress Enter`,
      );
      if ((await io.readLine()) === null) return 1;
    }
  }
  const tapes = tapeNumber;
  await store.update((s) => {
    for (const tape of Object.values(s.tapes)) {
      if (tape.content?.kind === 'cmsadm' && tape.content.setId === setId) tape.content.of = tapes;
    }
  });

  io.write(`${total} blocks\nTape Verification\n`);
  if (tapes > 1) io.write('Insert the first tape\nPress Return to proceed : ');
  for (let number = 1; number <= tapes; number++) {
    if (tapes > 1 && (await io.readLine()) === null) return 1;
    const check = await store
      .read()
      .then((s) => verifyTape(s.hosts[host].drives, s.tapes, device, setId, number));
    if (check !== null) {
      io.write(`${check}\nInsert tape number ${number}\nPress Return to proceed : `);
      number--;
      if (tapes === 1 && (await io.readLine()) === null) return 1;
      continue;
    }
    await context.delay(MS_PER_BLOCK * Math.min(total, 1000));
    if (number < tapes) io.write(`Insert tape number ${number + 1}\nPress Return to proceed : `);
  }
  const version = (await store.read()).hosts[host].cmsVersion;
  io.write(
    `${total} blocks\nWARNING: A CMS Full Maintenance Backup in addition to this cmsadm\nbackup must be done to have a complete backup of the system. . . . .\n\nPlease label the backup tape(s) with the date and the current CMS\nversion (${version})\n`,
  );
  return 0;
}

type WriteOutcome = { kind: 'written'; blocks: number } | { kind: 'error'; message: string };

async function writeTape(
  context: ProgramContext,
  device: string,
  setId: string,
  number: number,
  remaining: number,
): Promise<WriteOutcome> {
  const { store, host } = context;
  const outcome = await store.update((state): WriteOutcome => {
    const drive = state.hosts[host].drives.find((d) => d.device === device)!;
    const tape = drive.tapeId ? state.tapes[drive.tapeId] : undefined;
    if (drive.offline || !tape)
      return { kind: 'error', message: `${device}: no tape loaded or drive offline` };
    if (tape.writeProtected) return { kind: 'error', message: `${device}: write protected or reserved.` };
    const blocks = Math.min(remaining, tape.capacityBlocks);
    const h = state.hosts[host];
    tape.content = {
      kind: 'cmsadm',
      setId,
      number,
      blocks,
      host: h.hostname,
      cmsVersion: h.cmsVersion,
      date: context.now().toISOString().slice(0, 10),
      of: null,
      system: {
        solarisRelease: h.solarisRelease,
        kernelVersion: h.kernelVersion,
        patches: [...(h.patches ?? [])],
      },
    };
    drive.busy = true;
    return { kind: 'written', blocks };
  });
  if (outcome.kind === 'written') {
    await context.delay(MS_PER_BLOCK * outcome.blocks);
    await store.update((state) => {
      const drive = state.hosts[host].drives.find((d) => d.device === device)!;
      drive.busy = false;
      drive.fileNo = 1;
      drive.blockNo = 0;
    });
  }
  return outcome;
}

function verifyTape(
  drives: SimDrive[],
  tapes: Record<string, SimTape>,
  device: string,
  setId: string,
  number: number,
): string | null {
  const drive = drives.find((d) => d.device === device)!;
  const tape = drive.tapeId ? tapes[drive.tapeId] : undefined;
  if (!tape) return `${device}: no tape loaded or drive offline`;
  const content = tape.content;
  if (content?.kind !== 'cmsadm' || content.setId !== setId || content.number !== number) {
    return `This is not tape number ${number} of this backup.`;
  }
  return null;
}
