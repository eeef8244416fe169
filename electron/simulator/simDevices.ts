import type { SimDrive, SimHost } from './simState.ts';

/** `/dev/rmt/0cbn` and friends name drive `/dev/rmt/0` with density/BSD/no-rewind letters. */
export function findDrive(host: SimHost, device: string): SimDrive | undefined {
  const match = /^\/dev\/rmt\/(\d{1,2})[lmhcu]?b?n?$/.exec(device);
  if (!match) return undefined;
  return host.drives.find((drive) => drive.device === `/dev/rmt/${match[1]}`);
}

/** The name Solaris's st driver prints for each drive the manual names. */
export function driveDisplayName(drive: SimDrive): string {
  switch (drive.model) {
    case 'mammoth':
      return 'Mammoth EXB-8900 8mm Helical Scan tape drive';
    case 'dds4':
      return "Vendor 'HP'   Product 'C5683A'   tape drive";
    case 'slr5':
      return 'Tandberg SLR5 4/8GB tape drive';
    case '14gb-8mm':
      return 'Exabyte EXB-8505 8mm Helical Scan tape drive';
  }
}
