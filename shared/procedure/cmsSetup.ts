import { MANUAL } from './manualSections.ts';
import type { ManualReference } from './types.ts';

/** "Setting up CMS on an HA server" (p. 31): done on NEW in step 2 and on ORIG after its CUE upgrade in step 6. */
export interface CmsSetupItem {
  id: string;
  title: string;
  doneBy: 'TSC' | 'technician' | 'TSC or technician';
  /** Preconditions the manual lists before the item may start. */
  before: readonly string[];
  details: readonly string[];
  source: ManualReference;
}

const rootCmsOffMounted = [
  'Logged in as root.',
  'CMS is turned off.',
  'All file systems are mounted.',
] as const;

const section = (page: number): ManualReference => ({ section: MANUAL.cmsSetup.section, page });

export const CMS_SETUP_PREREQUISITES: readonly string[] = [
  'Avaya CMS R3V11 Software Installation, Maintenance and Troubleshooting Guide (585-215-115) at hand.',
  'Avaya CMS Switch Connections, Administration and Troubleshooting (585-215-876) at hand.',
  'Avaya CMS Terminals, Printers and Modems (585-215-874) at hand.',
  'The console is connected to the CMS computer.',
  'The CMS computer is connected to the TSC Remote Maintenance Center (remote console).',
  'Additional terminals and printers are connected to the NTS ports.',
  'The link between the CMS computer and the switch is connected.',
  'The NTS and the CMS computer are connected to the network hub unit.',
  'On-site technicians call the TSC to coordinate authorizations, data storage parameters and CMS setup.',
];

export const CMS_SETUP_ITEMS: readonly CmsSetupItem[] = [
  {
    id: 'authorizations',
    title: 'Setting CMS authorizations',
    doneBy: 'TSC',
    before: [],
    details: [
      'Authorizations for the CMS features the customer purchased; they apply to all administered ACDs.',
    ],
    source: section(32),
  },
  {
    id: 'storage-parameters',
    title: 'Setting up data storage parameters',
    doneBy: 'TSC',
    before: [],
    details: [
      'Review the storage.def values for each authorized ACD.',
      'For a new HA server added to an existing installation the values must be identical to those on the original server.',
    ],
    source: section(32),
  },
  {
    id: 'switch-lan',
    title: 'Setting up a LAN for switch connections',
    doneBy: 'TSC or technician',
    before: rootCmsOffMounted,
    details: [
      'Switch Release 8.1 or later only; two Ethernet ports per server, private LAN subnets for the switch links.',
      'Coordinate with the switch administration and the customer network.',
    ],
    source: section(33),
  },
  {
    id: 'cms-application',
    title: 'Setting up the CMS application',
    doneBy: 'TSC',
    before: rootCmsOffMounted,
    details: ['"Setting up the CMS application" in the software installation guide.'],
    source: section(33),
  },
  {
    id: 'feature-packages',
    title: 'Installing feature packages (Forecasting, ECHI)',
    doneBy: 'TSC or technician',
    before: ['The feature was authorized during CMS setup.'],
    details: [
      'ECHI is installed on both servers.',
      'ECHI feeding PSO custom reporting: active on both servers. Otherwise: active on the primary, turned off on the secondary.',
    ],
    source: section(34),
  },
  {
    id: 'remote-console',
    title: 'Setting up the remote console',
    doneBy: 'technician',
    before: [],
    details: ['Remote access for the TSC is required on both the primary and the secondary server.'],
    source: section(34),
  },
  {
    id: 'aom',
    title: 'Setting up the Alarm Origination Manager',
    doneBy: 'TSC or technician',
    before: [
      'A product ID from the CMS database administration group (800-248-1111, ext. 07425, with the customer IL number).',
    ],
    details: [
      'With the AOM administration established and a product ID, provisioning can set up the config files manually.',
    ],
    source: section(35),
  },
  {
    id: 'nts',
    title: 'Setting up the NTS',
    doneBy: 'technician',
    before: [],
    details: ['"Setting up the NTS" in Avaya CMS Terminals, Printers, and Modems.'],
    source: section(35),
  },
  {
    id: 'alternate-boot-device',
    title: 'Creating an alternate boot device for mirrored systems',
    doneBy: 'technician',
    before: [],
    details: [
      'Only for Enterprise 3000, Enterprise 3500, Sun Fire V880 or Sun Blade platforms configured as mirrored systems.',
    ],
    source: section(35),
  },
];
