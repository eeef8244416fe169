import { describe, expect, it } from 'vitest';
import { drivesNeedTechnician, type TapeDriveReading } from '../../../electron/steps/tapeDriveCheck.ts';
import { parseMtStatus } from '../../../shared/parsers/mtStatus.ts';
import { DRIVE_VERIFICATIONS } from '../../../shared/procedure/tapeDrives.ts';

const reading = (output: string, finished = true): TapeDriveReading => ({
  command: "mt -f '/dev/rmt/0' status",
  output,
  finished,
  mt: parseMtStatus(output),
});

/** The manual's DDS-4 sample (Verifying the DDS-4 tape drive). */
const dds4 = reading(DRIVE_VERIFICATIONS[1]!.expectedOutput);
/** Solaris mt's layout for a drive the app knows no family of. */
const unlisted = reading(
  "Vendor 'ACME    ' Product 'STREAMER-9      ' tape drive:\n   sense key(0x0)= No Additional Sense   residual= 0   retries= 0\n   file no= 0   block no= 0\n",
);
const garbled = reading('st0: drive ok, medium loaded (format unknown to this app)\n');
const noTape = reading('/dev/rmt/0: no tape loaded or drive offline\n');

describe('P2: which mt readings go to the technician', () => {
  it('two drives the app reads are judged by the app', () => {
    expect(dds4.mt).toMatchObject({ status: 'ready', drive: { family: 'dds4' } });
    expect(drivesNeedTechnician([dds4, dds4])).toBe(false);
  });

  it('output it cannot read, or a drive it does not know, goes to the technician', () => {
    expect(garbled.mt.kind).toBe('unrecognised');
    expect(drivesNeedTechnician([dds4, garbled])).toBe(true);
    expect(unlisted.mt).toMatchObject({ status: 'ready', drive: { family: 'unknown' } });
    expect(drivesNeedTechnician([unlisted, dds4])).toBe(true);
  });

  it('a recognised failure, or mt cut off, fails on its own and is never put to a verdict', () => {
    expect(noTape.mt).toMatchObject({ kind: 'recognised' });
    expect(noTape.mt.kind === 'recognised' && noTape.mt.status).not.toBe('ready');
    expect(drivesNeedTechnician([garbled, noTape])).toBe(false);
    expect(drivesNeedTechnician([dds4, reading('Vendor', false)])).toBe(false);
  });
});
