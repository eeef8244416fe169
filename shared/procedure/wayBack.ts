import { MANUAL } from './manualSections.ts';
import type { ManualReference, UpgradeStepId } from './types.ts';

/**
 * What to do if a step fails, for every step: where the manual says it, with its page; otherwise our
 * reading of where the procedure stands then (what has changed on which server), after the rollback
 * pattern of the other source documents (every upgrade step paired with its way back).
 */
export interface WayBack {
  text: string;
  /** Whether the guided rollback (RB) is the way back once the step has begun. */
  rollBack: boolean;
  /** The manual's page behind the text; null: the text is ours (the source documents' pattern). */
  source: ManualReference | null;
}

const NOTHING_CHANGED = 'Nothing has changed on either server yet: ORIG stays in service as it is.';

export const WAY_BACK: Readonly<Record<UpgradeStepId, WayBack>> = {
  P1: {
    text: `${NOTHING_CHANGED} The switches stay administered for ORIG's CMS version; the upgrade waits until every switch runs Release 8.1 or later.`,
    rollBack: false,
    source: MANUAL.dayBefore,
  },
  P2: {
    text: `${NOTHING_CHANGED} If ORIG's drive must be replaced, Provisioning dispatches a Sun technician; after an Enterprise 3000's drive is replaced, discard the tapes used with the old drive. The upgrade waits for compatible drives.`,
    rollBack: false,
    source: MANUAL.tapeDrive,
  },
  P3a: {
    text: `${NOTHING_CHANGED} Agree the primary with the customer; some platforms need hardware or software upgrades before they can be used in an HA pair.`,
    rollBack: false,
    source: MANUAL.platformRecommendations,
  },
  P3b: {
    text: `${NOTHING_CHANGED} Agree a cut-off with the customer before the upgrade day.`,
    rollBack: false,
    source: null,
  },
  P4a: {
    text: 'ORIG is unchanged and in service. Run the CMSADM backup again on new tapes: without it there is no way back, so the upgrade day must not begin (the backup must be at most 24 hours old at its start).',
    rollBack: false,
    source: MANUAL.cmsadmBackup,
  },
  P4b: {
    text: 'ORIG is unchanged and in service. Run the full maintenance backup again on a blank tape: with the CMSADM tapes it is the way back, so the upgrade day must not begin without it.',
    rollBack: false,
    source: MANUAL.fullBackup,
  },
  D1: {
    text: 'ORIG is unchanged and in service; only the admin freeze has started. Run the backup again on a blank tape. Calling the upgrade off is a Roll back that ends the freeze.',
    rollBack: true,
    source: null,
  },
  D2: {
    text: 'ORIG is unchanged and still collecting data; only NEW was touched. A migration is never run twice into one CMS setup: turn CMS off on NEW and set it up again before migrating again. Calling the upgrade off is a Roll back (NEW is left as it is).',
    rollBack: true,
    source: MANUAL.migrateSystemAdmin,
  },
  D3: {
    text: "Before the busy-out, nothing has changed: wait for the next archive. Once the links are busied out both CMS are offline: if NEW cannot take them, Roll back — the switch administers ORIG's links for its CMS version again and releases the busy-out, and data collection is verified on ORIG.",
    rollBack: true,
    source: null,
  },
  D4: {
    text: "If data collection on NEW does not come up for every ACD, call the TSC (troubleshooting switch connections is the technician's and the TSC's task). If it cannot be fixed while call data is being lost, Roll back: ORIG takes its links back.",
    rollBack: true,
    source: MANUAL.dayOf,
  },
  D5: {
    text: 'Until ORIG is turned off it holds all its data: run the incremental backup again on a blank tape. Once ORIG is turned off for the CUE upgrade, the way back is Roll back.',
    rollBack: true,
    source: null,
  },
  D6: {
    text: "If the CUE upgrade fails, Roll back: ORIG is restored from its CMSADM tape(s) and its full maintenance tape of the day before, the switch gives ORIG's links back, and data collection is verified on ORIG.",
    rollBack: true,
    source: MANUAL.cmsadmBackup,
  },
  D7: {
    text: 'A failed migration is not simply run again: turn CMS off on NEW and set it up again first, and call the TSC. Roll back is still possible: it brings ORIG back to its old version from the day-before tapes.',
    rollBack: true,
    source: MANUAL.migrateHistorical,
  },
  D8: {
    text: 'A failed migration is not simply run again: turn CMS off on ORIG and set it up again first, and call the TSC. Roll back is still possible: it brings ORIG back to its old version from the day-before tapes.',
    rollBack: true,
    source: MANUAL.migrateAdminBack,
  },
  D9: {
    text: 'Both servers run R3V11 and collect data. Run the full backup of NEW again on a blank tape.',
    rollBack: true,
    source: null,
  },
  D10: {
    text: 'Read the Error Log, then run the restore again from the full tape of NEW (step 9). ORIG keeps collecting data meanwhile.',
    rollBack: true,
    source: MANUAL.restoreHistorical,
  },
  D11: {
    text: 'Both servers are in service. Run the CMSADM backups again on new tapes, as soon as possible.',
    rollBack: true,
    source: MANUAL.cmsadmFinal,
  },
};
