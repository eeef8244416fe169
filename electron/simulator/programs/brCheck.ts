import type { Program } from '../program.ts';
import { findDrive } from '../simDevices.ts';
import type { MaintenanceContent } from '../simState.ts';
import {
  unfamiliarBrCheckHeader,
  unfamiliarBrCheckTables,
  unfamiliarBrCheckVerified,
} from '../unfamiliarOutputs.ts';

/** `/cms/bin/br_check`: lists (and verifies) a CMS maintenance backup volume (manual p. 29). */
export const brCheck: Program = async ({ io, store, host, delay }) => {
  let type: string | null;
  for (;;) {
    io.write('Enter device type [q for qtape, f for floppy]: ');
    type = await io.readLine();
    if (type === null) return 1;
    if (type.trim() === 'q') break;
    if (type.trim() === 'f') {
      io.writeError('br_check: no floppy drive on this system\n');
      return 1;
    }
  }
  io.write('Enter device path: ');
  const device = (await io.readLine())?.trim();
  if (!device) return 1;
  const state = await store.read();
  const drive = findDrive(state.hosts[host], device);
  if (!drive) {
    io.writeError(`br_check: cannot open ${device}: No such file or directory\n`);
    return 1;
  }
  const tape = drive.tapeId ? state.tapes[drive.tapeId] : undefined;
  if (drive.offline || !tape) {
    io.writeError(`br_check: cannot open ${device}: no tape loaded or drive offline\n`);
    return 1;
  }
  if (tape.content?.kind !== 'maintenance') {
    io.writeError(`br_check: ${device} does not hold a CMS backup volume\n`);
    return 1;
  }
  const content = tape.content;
  const unfamiliar = state.outputs === 'unfamiliar';
  io.write(unfamiliar ? unfamiliarBrCheckHeader(content) : brCheckHeader(content));
  let choice: string | null;
  do {
    io.write('Enter l to list the tables or v to also verify the volume: ');
    choice = await io.readLine();
    if (choice === null) return 1;
  } while (!['l', 'v'].includes(choice.trim()));
  io.write(unfamiliar ? unfamiliarBrCheckTables(content) : brCheckTables(content));
  if (choice.trim() === 'v') {
    await delay(2000);
    io.write(
      unfamiliar
        ? unfamiliarBrCheckVerified(content)
        : `Volume verified: ${content.tables.length} tables read without error.\n`,
    );
  }
  return 0;
};

/** The simulator's own invention (the manual shows no listing): what the app's parser reads. */
function brCheckHeader(content: MaintenanceContent): string {
  return `Volume label: ${content.volumeLabel}\nBackup of ${content.host} (CMS ${content.cmsVersion}) on ${content.date}\nACD(s) backed up on this volume: ${content.acds.join(' ')}\n`;
}

function brCheckTables(content: MaintenanceContent): string {
  return `Tables on this volume:\n${content.tables.map((table) => `    ${table}\n`).join('')}`;
}
