import {
  backUpDataDifferences,
  BACK_UP_DATA_TITLE,
  readBackUpDataSelections,
} from '../parsers/backUpDataWindow.ts';
import type { CmsWindow } from '../parsers/cmsWindow.ts';
import {
  migrateDataDifferences,
  MIGRATE_DATA_TITLE,
  readMigrateDataSelections,
} from '../parsers/migrateDataWindow.ts';
import {
  readRestoreDataSelections,
  restoreDataDifferences,
  RESTORE_DATA_TITLE,
} from '../parsers/restoreDataWindow.ts';
import { stepDefinition } from './procedureGraph.ts';
import type { ChecklistItem, MigrationDataType, StepId } from './types.ts';

/** A CMS window on the technician's screen held against what the running step requires of it. */
export interface WindowCheck {
  window: string;
  stepId: StepId;
  /** The checklist item that prescribes the window's selections. */
  requirement: string;
  /** Each difference in one sentence; empty when the screen matches. Null when the screen could not be read. */
  differences: string[] | null;
  /** Why the selections could not be read off the screen (the technician judges it). */
  unreadable: string | null;
}

/** What the session knows that the screen does not: migrations already run into the server's current setup. */
export interface WindowCheckContext {
  /** A sentence when every migration of this data type the step prescribes has run already; else null. */
  alreadyMigrated(dataType: MigrationDataType): string | null;
}

const itemsFor = (stepId: StepId, window: string): ChecklistItem[] =>
  stepDefinition(stepId).checklist.filter((item) => item.selections?.window === window);

/**
 * The check of a window against the step's checklist, or null when the step prescribes nothing for
 * it. Back Up Data (drawn in the manual, pp. 27 and 40), R3 Migrate Data and Restore Data (named in
 * it) are read.
 */
export function checkWindow(
  window: CmsWindow,
  stepId: StepId,
  context: WindowCheckContext,
): WindowCheck | null {
  if (BACK_UP_DATA_TITLE.test(window.title)) {
    const item = itemsFor(stepId, 'Maintenance: Back Up Data')[0];
    if (item?.selections?.window !== 'Maintenance: Back Up Data') return null;
    const seen = readBackUpDataSelections(window);
    const base = { window: window.title, stepId, requirement: item.text };
    if (seen.kind === 'unrecognised') return { ...base, differences: null, unreadable: seen.reason };
    return {
      ...base,
      differences: backUpDataDifferences(seen.selections, item.selections),
      unreadable: null,
    };
  }
  if (RESTORE_DATA_TITLE.test(window.title)) {
    const item = itemsFor(stepId, 'Maintenance: Restore Data')[0];
    if (item?.selections?.window !== 'Maintenance: Restore Data') return null;
    const seen = readRestoreDataSelections(window);
    const base = { window: window.title, stepId, requirement: item.text };
    if (seen.kind === 'unrecognised') return { ...base, differences: null, unreadable: seen.reason };
    return {
      ...base,
      differences: restoreDataDifferences(seen.selections, item.selections),
      unreadable: null,
    };
  }
  if (MIGRATE_DATA_TITLE.test(window.title)) {
    const items = itemsFor(stepId, 'System Setup: R3 Migrate Data');
    if (items.length === 0) return null;
    const seen = readMigrateDataSelections(window);
    if (seen.kind === 'unrecognised')
      return {
        window: window.title,
        stepId,
        requirement: items.map((item) => item.text).join(' '),
        differences: null,
        unreadable: seen.reason,
      };
    // The item the screen is closest to: the one with the fewest differences.
    const [best] = items
      .map((item) => ({
        item,
        differences:
          item.selections?.window === 'System Setup: R3 Migrate Data'
            ? migrateDataDifferences(seen.selections, item.selections)
            : [],
      }))
      .sort((a, b) => a.differences.length - b.differences.length);
    const again = seen.selections.dataTypes
      .map((type) => context.alreadyMigrated(type))
      .filter((sentence): sentence is string => sentence !== null);
    return {
      window: window.title,
      stepId,
      requirement: best!.item.text,
      differences: [...again, ...best!.differences],
      unreadable: null,
    };
  }
  return null;
}
