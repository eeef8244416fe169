import type { SessionState } from '../session/sessionState.ts';

/** Which of the rollback's items a session needs, from how far its upgrade went; each one not needed says why. */
export interface RollbackPlan {
  /** ORIG's system and data restored from the day-before tapes (its CUE upgrade started, or it was turned off for it). */
  restoreOrig: { needed: boolean; why: string };
  /** The switch gives ORIG's links back (they were busied out and re-administered at step 3). */
  switchBack: { needed: boolean; why: string };
  /** The users are told the admin freeze is over (it started at step 1 and has not ended). */
  endFreeze: { needed: boolean; why: string };
}

/** The rollback items each part of the plan covers. */
export const ROLLBACK_ITEMS_OF = {
  restoreOrig: [
    'cmsadm-tapes-in-hand',
    'system-restored',
    'old-version-back',
    'full-orig-inserted',
    'data-restored',
  ],
  switchBack: ['switch-back'],
  endFreeze: ['users-told'],
} as const satisfies Record<keyof RollbackPlan, readonly string[]>;

export function rollbackPlan(state: SessionState): RollbackPlan {
  const { steps } = state;
  const origChanged =
    steps.D5.checkedItems.includes('orig-turned-off') ||
    (['D6', 'D8', 'D10', 'D11'] as const).some((id) => steps[id].attempts > 0);
  const linksMoved =
    steps.D3.checkedItems.includes('links-busied-out') ||
    steps.D3.checkedItems.includes('switch-readministered') ||
    steps.D4.attempts > 0;
  const freeze = state.clocks['admin-freeze'];
  return {
    restoreOrig: origChanged
      ? {
          needed: true,
          why: 'ORIG was turned off for its CUE upgrade (step 5 or later): its system and CMS data come back from the day-before tapes.',
        }
      : {
          needed: false,
          why: 'ORIG was not changed by the upgrade (its CUE upgrade never started): there is nothing to restore on it.',
        },
    switchBack: linksMoved
      ? {
          needed: true,
          why: "ORIG's links were busied out and the switch re-administered at step 3: the switch gives them back to ORIG.",
        }
      : { needed: false, why: "ORIG's links were never busied out: the switch still serves ORIG." },
    // Said as it was when the rollback began: the freeze the rollback itself ended was needed.
    endFreeze:
      freeze.startedAt !== null && (freeze.endedAt === null || steps.RB.checkedItems.includes('users-told'))
        ? { needed: true, why: 'The admin freeze started at step 1: it ends with the rollback.' }
        : { needed: false, why: 'No admin freeze is running.' },
  };
}
