import { MANUAL } from './manualSections.ts';
import type { ManualReference } from './types.ts';

export interface SoftwareException {
  id: 'x25' | 'internet-call-center' | 'nts' | 'isql' | 'odbc';
  software: string;
  rule: string;
  source: ManualReference;
}

/** "Required and optional software" (p. 7): exceptions to the standard R3V11 configuration on HA servers. */
export const SOFTWARE_EXCEPTIONS: readonly SoftwareException[] = [
  {
    id: 'x25',
    software: 'X.25',
    rule: 'Not supported as the final connection link between the switch and the HA servers (it may still connect remote switches to an on-site switch).',
    source: MANUAL.requiredSoftware,
  },
  {
    id: 'internet-call-center',
    software: 'Internet Call Center',
    rule: 'Never installed on the secondary server.',
    source: MANUAL.requiredSoftware,
  },
  {
    id: 'nts',
    software: 'Network terminal server (Bay Networks Annex R10.0B)',
    rule: "If NTS are linked to the primary server and the secondary needs NTS installed, the primary's Annex R10.0B package may also be installed on the secondary.",
    source: MANUAL.requiredSoftware,
  },
  {
    id: 'isql',
    software: 'INFORMIX ISQL',
    rule: 'If installed on the primary server, the customer must buy a second licensed copy for the secondary server.',
    source: MANUAL.requiredSoftware,
  },
  {
    id: 'odbc',
    software: 'Openlink ODBC',
    rule: 'If installed on the primary server, the customer must buy a second licensed copy for the secondary server.',
    source: MANUAL.requiredSoftware,
  },
];

/** "Special upgrade considerations" (p. 8). */
export const PSO_CONTACT_RULE = {
  customFeatures: ['Custom Reporting', 'custom interfaces', 'LAN printers', 'token ring'],
  rule: 'If the CMS server has any custom features, PSO must be contacted before the upgrade process is initiated.',
  source: MANUAL.specialConsiderations,
} as const;

export interface MaintenanceTask {
  task: string;
  server: 'primary' | 'secondary';
  frequency: 'nightly' | 'monthly';
}

/** "Customer-specific roles and responsibilities" (p. 10): the schedule the customer adopts after the upgrade. */
export const MAINTENANCE_SCHEDULE: readonly MaintenanceTask[] = [
  { task: 'Full maintenance backup', server: 'primary', frequency: 'nightly' },
  { task: 'Full maintenance restore', server: 'secondary', frequency: 'nightly' },
  { task: 'CMSADM backup (monthly or more often)', server: 'primary', frequency: 'monthly' },
];

export const MINIMUM_TAPES = {
  count: 3,
  text: 'Before you begin the HA upgrade process, verify that you have at least three tapes available to back up the system.',
  source: MANUAL.prerequisites,
} as const;
