import { MANUAL } from './manualSections.ts';
import { RESTORE_EVERYTHING } from './maintenanceSelections.ts';
import type { StepDefinition } from './types.ts';

/**
 * The way back as a step of its own: ORIG brought back to what it was the day before, from the tapes
 * P4a and P4b wrote. The manual gives only its basis: "A CMSADM file system backup … is used to restore
 * the system in the event of an upgrade failure" (p. 25). The order (stop, restore the system, restore
 * the data, give the links back, verify collection) and the rollback window that spans it follow the
 * rollback procedures of the other source documents (the Genesys migration guides: "This will initiate a
 * rollback window … This will end your rollback window"). Which items apply depends on how far the
 * upgrade went (rollbackPlan.ts).
 */
export const ROLLBACK_STEP: StepDefinition = {
  id: 'RB',
  phase: 'rollback',
  manualStepNumber: '—',
  title: 'Roll back: ORIG back as it was the day before, collecting data again',
  manual: [MANUAL.cmsadmBackup, MANUAL.administerSwitch],
  target: 'ORIG',
  kind: 'guided',
  prerequisites: ['P4a', 'P4b'],
  tapesIn: ['CMSADM-ORIG', 'FULL-ORIG'],
  tapesOut: [],
  migrations: [],
  checklist: [
    {
      id: 'rollback-decided',
      lasting: true,
      text: 'The upgrade stops here and ORIG is rolled back; the customer is told. No upgrade step runs in this session after this.',
      clock: { clock: 'rollback-window', edge: 'start' },
    },
    {
      id: 'cmsadm-tapes-in-hand',
      text: "Every tape of ORIG's CMSADM backup of the day before is at hand, intact and write-protected.",
    },
    {
      id: 'system-restored',
      lasting: true,
      text: "ORIG's Solaris system and CMS programs restored from its CMSADM tape(s) at ORIG's console (boot from the tape, as the CMSADM restore procedure of the CMS maintenance documentation says), and ORIG started again.",
      act: { kind: 'system-restore' },
    },
    { id: 'old-version-back', text: 'ORIG runs the CMS version its CMSADM tape was written with.' },
    {
      id: 'full-orig-inserted',
      text: 'The full maintenance tape of the day before (step 4) is in the drive of ORIG.',
    },
    {
      id: 'data-restored',
      lasting: true,
      text: 'Maintenance > Restore Data: every data type of the full tape (administration, historical, non-CMS). Run; the Status line reports the end.',
      selections: RESTORE_EVERYTHING,
    },
    {
      id: 'switch-back',
      lasting: true,
      responsible: 'switch-administrator',
      text: "At every switch: the links to ORIG administered for ORIG's CMS version again and their busy-out released (as before step 3).",
    },
    { id: 'data-collection-orig', text: 'Data collection is on for every ACD of ORIG.' },
    {
      id: 'users-told',
      lasting: true,
      text: 'CMS users told the upgrade was rolled back and that they may make administration changes again, on ORIG.',
      clock: { clock: 'admin-freeze', edge: 'end' },
    },
  ],
  guards: [
    {
      id: 'prerequisites-passed',
      text: 'The day-before backups of ORIG (P4a, P4b) exist: without them there is nothing to roll back to.',
    },
    {
      id: 'tape-role-matches',
      text: 'The tapes restored are the CMSADM and full maintenance tapes of ORIG of the day before, intact by the tape register.',
    },
    { id: 'data-collection-on', text: 'Every ACD link of ORIG reports data collection on at the end.' },
  ],
  notes: [
    {
      kind: 'important',
      text: 'A CMSADM file system backup saves all system files (excluding CMS call data) and is used to restore the system in the event of an upgrade failure.',
      source: MANUAL.cmsadmBackup,
    },
    {
      kind: 'caution',
      text: 'The HA upgrade entails the use of multiple backup tapes. Be careful to label these tapes appropriately; use of the wrong tape during a migration or restore may result in failure to achieve an initial state of synchronization between the two HA servers.',
      source: MANUAL.adminBackup,
    },
  ],
  skippable: { refused: 'a rollback once begun ends with ORIG collecting data again' },
  clocks: [{ clock: 'rollback-window', edge: 'end' }],
};
