import { describe, expect, it } from 'vitest';
import { parseMtStatus, SENSE_KEYS, summariseMtStatus } from '../../../shared/parsers/mtStatus.ts';
import { DRIVE_VERIFICATIONS } from '../../../shared/procedure/tapeDrives.ts';

/** Output in Solaris mt's own layout: name line, then sense key/residual/retries, then file/block. */
const solaris = (name: string, key = '0x0', text = 'No Additional Sense', file = 0, block = 0) =>
  `${name} tape drive:\n   sense key(${key})= ${text}   residual= 0   retries= 0\n   file no= ${file}   block no= ${block}\n`;

describe('parseMtStatus', () => {
  it("reads the manual's Mammoth and DDS-4 samples", () => {
    const [mammoth, dds4] = DRIVE_VERIFICATIONS.map((v) => parseMtStatus(v.expectedOutput));
    expect(mammoth).toMatchObject({
      status: 'ready',
      drive: { name: 'Mammoth EXB-8900 8mm Helical Scan', family: 'mammoth', vendor: null },
      senseKey: { code: 0, text: 'No Additional Sense', pseudo: false },
      residual: 0,
      retries: 0,
      fileNo: 0,
      blockNo: 0,
    });
    expect(dds4).toMatchObject({
      status: 'ready',
      drive: { vendor: 'HP', product: 'C5683A', family: 'dds4' },
      fileNo: 0,
      blockNo: 0,
    });
  });

  it.each([
    ['Exabyte EXB-8505 8mm Helical Scan', 'exabyte-8mm'],
    ['Exabyte EXB-8500 8mm Helical Scan', 'exabyte-8mm'],
    ['Exabyte EXB-8900 8mm Helical Scan', 'mammoth'],
    ["Vendor 'HP      ' Product 'C1537A          '", 'dds3'],
    ['HP DDS-3 4MM DAT', 'dds3'],
    ["Vendor 'SONY    ' Product 'SDT-9000        '", 'dds3'],
    ["Vendor 'SONY    ' Product 'SDT-10000       '", 'dds4'],
    ['HP DDS 4mm DAT', 'dat'],
    ['Tandberg SLR5 4/8GB', 'slr5'],
    // The names Solaris 8's st driver gives the SLR5 (st_conf.c) and the older TDC 4200.
    ['Tandberg 4/8 Gig QIC', 'slr5'],
    ['Tandberg 8 Gig QIC', 'slr5'],
    ["Vendor 'TANDBERG' Product ' SLR5 4/8GB'", 'slr5'],
    ['Tandberg 2.5 Gig QIC', 'qic'],
    ['Tandberg 4100 QIC', 'qic'],
    ['Archive QIC-150', 'qic'],
    ['Quantum DLT7000', 'dlt'],
    ["Vendor 'QUANTUM ' Product 'SDLT320         '", 'dlt'],
    ["Vendor 'IBM     ' Product 'ULT3580-TD2     '", 'lto'],
    ["Vendor 'HP      ' Product 'Ultrium 2-SCSI  '", 'lto'],
    ["Vendor 'SONY    ' Product 'SDX-500C        '", 'ait'],
    ["Vendor 'ACME    ' Product 'TAPE-O-MATIC    '", 'unknown'],
  ])('identifies %s as %s', (name, family) => {
    const result = parseMtStatus(solaris(name));
    expect(result).toMatchObject({ status: 'ready', drive: { family } });
  });

  it('reads sense keys, residual, retries and position, Sun pseudo-keys included', () => {
    expect(parseMtStatus(solaris('Exabyte EXB-8505 8mm Helical Scan', '0x12', 'EOF', 3, 0))).toMatchObject({
      senseKey: { code: 0x12, text: 'EOF', pseudo: true },
      fileNo: 3,
    });
    expect(parseMtStatus(solaris('Quantum DLT7000', '0x15', 'BOT'))).toMatchObject({
      senseKey: { code: 0x15, text: 'BOT' },
    });
    expect(parseMtStatus(solaris('Quantum DLT7000', '0x3', 'Media Error', 1, 2240))).toMatchObject({
      status: 'condition',
      senseKey: { code: 3, text: 'Media Error', pseudo: false },
      blockNo: 2240,
    });
    const residual =
      'Quantum DLT7000 tape drive:\n   sense key(0x13)= EOT   residual= 512   retries= 2\n   file no= 1   block no= 99\n';
    expect(parseMtStatus(residual)).toMatchObject({ senseKey: { text: 'EOT' }, residual: 512, retries: 2 });
  });

  it('is ready only for no sense, a recovered error and the positions; any other sense key is a condition', () => {
    const ready = ['No Additional Sense', 'Soft Error', 'EOF', 'EOT', 'BOT'];
    SENSE_KEYS.forEach((text, code) => {
      const reading = parseMtStatus(solaris('HP DDS-4 DAT (Sun)', `0x${code.toString(16)}`, text));
      expect(reading, text).toMatchObject({
        kind: 'recognised',
        status: ready.includes(text) ? 'ready' : 'condition',
        drive: { family: 'dds4' },
      });
      if (!ready.includes(text))
        expect(reading.kind === 'recognised' && reading.status === 'condition' && reading.message).toBe(
          `the drive reports "${text}" (sense key 0x${code.toString(16)})`,
        );
    });
    // A code Solaris has no name for is never read as ready.
    expect(parseMtStatus(solaris('HP DDS-4 DAT (Sun)', '0x2a', 'Something New'))).toMatchObject({
      status: 'condition',
    });
  });

  it('refuses a sense key whose name does not match its code', () => {
    expect(parseMtStatus(solaris('Quantum DLT7000', '0x7', 'No Additional Sense'))).toMatchObject({
      kind: 'unrecognised',
      reason: 'sense key 0x7 is "Write Protected", not "No Additional Sense"',
    });
  });

  it.each([
    ['/dev/rmt/0: no tape loaded or drive offline\n', 'no-tape', '/dev/rmt/0'],
    ['/dev/rmt/0cbn: write protected or reserved.\n', 'write-protected', '/dev/rmt/0cbn'],
    ['/dev/rmt/1: Device busy\n', 'busy', '/dev/rmt/1'],
    ['/dev/rmt/5: No such file or directory\n', 'no-device', '/dev/rmt/5'],
    ['mt: /dev/rmt/5: No such device or address\n', 'no-device', '/dev/rmt/5'],
    ['/dev/rmt/0: I/O error\n', 'error', '/dev/rmt/0'],
  ])('recognises the error line %j', (text, status, device) => {
    expect(parseMtStatus(text)).toMatchObject({ kind: 'recognised', status, device });
  });

  it('never passes what it does not know', () => {
    for (const text of [
      '',
      'Segmentation fault\n',
      'HP DDS-4 tape drive:\n   file no= 0\n',
      'mt: unknown command: foo\n',
    ]) {
      expect(parseMtStatus(text)).toMatchObject({ kind: 'unrecognised', raw: text });
    }
  });

  it('sums a reading up for cms-ha probe and the window: drive, family, and why it is not ready', () => {
    expect(summariseMtStatus(parseMtStatus(solaris('Tandberg 4/8 Gig QIC')))).toEqual({
      status: 'ready',
      family: 'slr5',
      name: 'Tandberg 4/8 Gig QIC',
      message: null,
    });
    expect(summariseMtStatus(parseMtStatus(solaris('HP DDS-4 DAT (Sun)', '0x6', 'Unit Attention')))).toEqual({
      status: 'condition',
      family: 'dds4',
      name: 'HP DDS-4 DAT (Sun)',
      message: 'the drive reports "Unit Attention" (sense key 0x6)',
    });
    expect(summariseMtStatus(parseMtStatus('/dev/rmt/0: Device busy\n'))).toEqual({
      status: 'busy',
      family: null,
      name: null,
      message: '/dev/rmt/0: Device busy',
    });
    expect(summariseMtStatus(parseMtStatus('garbage'))).toMatchObject({
      status: 'unrecognised',
      family: null,
    });
  });
});
