import { keyPlanFor, LOG_OUT, openWindow, chooseAction } from '../../electron/simulator/screens/keyPlans.ts';
import { KEYS } from '../../electron/simulator/screens/screenAssumptions.ts';
import { ARCHIVING_STATUS } from '../../electron/simulator/screens/setupWindows.ts';
import { stepDefinition } from '../../shared/procedure/procedureGraph.ts';
import type { StepId } from '../../shared/procedure/types.ts';

/** The keys the training plan of a checklist item gives, from the Main Menu to logging out. */
export function itemKeys(stepId: StepId, itemId: string): string[] {
  const item = stepDefinition(stepId).checklist.find((candidate) => candidate.id === itemId);
  const plan = item && keyPlanFor(item);
  if (!plan) throw new Error(`${stepId}:${itemId} is not done in a CMS window`);
  return plan.flatMap((step) => step.keys);
}

/** Keystrokes on the simulated full-screen `cms`, each plan from the Main Menu to logging out. */
export const CMS_KEYS = {
  fullBackup: itemKeys('P4b', 'full-backup-run'),
  adminOnlyBackup: itemKeys('D1', 'admin-backup-run'),
  incrementalBackup: itemKeys('D5', 'incremental-backup-run'),
  migrateSystemAdmin: itemKeys('D2', 'migrate-system-admin'),
  migrateAgentAdmin: itemKeys('D2', 'migrate-agent-admin'),
  migrateHistorical: itemKeys('D7', 'migrate-historical-incremental'),
  migrateAdminBack: itemKeys('D8', 'migrate-admin-back'),
  singleUser: itemKeys('D2', 'single-user-mode'),
  multiUser: itemKeys('D8', 'multi-user-mode'),
  restoreHistoricalAndNonCms: itemKeys('D10', 'restore-run'),
  /** Maintenance > Archiving Status, List all (left on the list: the caller reads it). */
  archiveListAll: [
    ...openWindow('Maintenance', 'Archiving Status'),
    chooseAction(ARCHIVING_STATUS, 'List all'),
  ].flatMap((step) => step.keys),
  /** System Setup > Data Collection (left on the window). */
  dataCollection: openWindow('System Setup', 'Data Collection').flatMap((step) => step.keys),
  /** Maintenance > Error Log (left on the window). */
  errorLog: openWindow('Maintenance', 'Error Log').flatMap((step) => step.keys),
  logOut: LOG_OUT.keys,
  exit: [KEYS.exit],
};
