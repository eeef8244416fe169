import {
  backUpDataDifferences,
  BACK_UP_DATA_TITLE,
  readBackUpDataSelections,
} from '../parsers/backUpDataWindow.ts';
import type { CmsWindow } from '../parsers/cmsWindow.ts';
import { PROCEDURE_STEPS } from './steps.ts';
import type { StepId } from './types.ts';

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

/**
 * The check of a window against the step's checklist, or null when the step prescribes nothing for
 * it. Only Back Up Data is read so far (the manual draws it on pp. 27 and 40).
 */
export function checkWindow(window: CmsWindow, stepId: StepId): WindowCheck | null {
  if (!BACK_UP_DATA_TITLE.test(window.title)) return null;
  const step = PROCEDURE_STEPS.find((candidate) => candidate.id === stepId);
  const item = step?.checklist.find(
    (candidate) => candidate.selections?.window === 'Maintenance: Back Up Data',
  );
  if (!item || item.selections?.window !== 'Maintenance: Back Up Data') return null;
  const seen = readBackUpDataSelections(window);
  const base = { window: window.title, stepId, requirement: item.text };
  if (seen.kind === 'unrecognised') return { ...base, differences: null, unreadable: seen.reason };
  return { ...base, differences: backUpDataDifferences(seen.selections, item.selections), unreadable: null };
}
