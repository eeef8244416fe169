import type { MaintenanceContent } from './simState.ts';

/**
 * The "unfamiliar" simulated pair: every output the manual does not pin down, printed another way than
 * the default pair (and the app's parsers) expect. All of it is invented, on purpose: it stands for a real
 * server whose wording nobody here has seen, so that training and tests show what the app does with
 * output it cannot read (it asks the technician). Nothing here is a claim about real CMS output.
 */

export function unfamiliarBrCheckHeader(content: MaintenanceContent): string {
  return `VOLUME ${content.volumeLabel}\n  system ${content.host}  release ${content.cmsVersion}  written ${content.date}\n  acds=${content.acds.join(',')}\n`;
}

export function unfamiliarBrCheckTables(content: MaintenanceContent): string {
  return `${content.tables.length} tables:\n${content.tables.join(' ')}\n`;
}

export function unfamiliarBrCheckVerified(content: MaintenanceContent): string {
  return `verify: ${content.tables.length}/${content.tables.length} ok\n`;
}
