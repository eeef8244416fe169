import { stepDefinition } from '../../../shared/procedure/procedureGraph.ts';
import type { ChecklistItem, StepId } from '../../../shared/procedure/types.ts';
import { BACK_UP_DATA, openBackUpData } from './backUpDataScreen.ts';
import { cursorStops, type FormState, type FormValues, type FormWindow } from './formWindow.ts';
import { KEYS, MAIN_MENU_OPTIONS, MAINTENANCE_OPTIONS, SYSTEM_SETUP_OPTIONS } from './screenAssumptions.ts';
import {
  CMS_STATE,
  openCmsState,
  openR3MigrateData,
  openRestoreData,
  R3_MIGRATE_DATA,
  RESTORE_DATA,
} from './setupWindows.ts';

/** One instruction for the trainee, and the keys that carry it out on the simulator's `cms`. */
export interface KeyStep {
  say: string;
  keys: string[];
}

const down = (count: number) => Array<string>(count).fill(KEYS.down);

/** From the Main Menu to a window of one of its submenus, by the options' words. */
export function openWindow(menu: 'Maintenance' | 'System Setup', option: string): KeyStep[] {
  const options: readonly string[] = menu === 'Maintenance' ? MAINTENANCE_OPTIONS : SYSTEM_SETUP_OPTIONS;
  const inMain = MAIN_MENU_OPTIONS.indexOf(menu);
  const inSub = options.indexOf(option);
  return [
    {
      say: `Main Menu: press ↓ ${inMain} times to ${menu}, then Enter.`,
      keys: [...down(inMain), KEYS.enter],
    },
    {
      say: `${menu}: ${inSub === 0 ? `${option} is the first option` : `press ↓ ${inSub} times to ${option}`}, then Enter.`,
      keys: [...down(inSub), KEYS.enter],
    },
  ];
}

/** The cursor and space-bar moves that turn a window's values into `target`, one step per choice changed. */
export function setChoices(window: FormWindow, opened: FormState, target: FormValues): KeyStep[] {
  const steps: KeyStep[] = [];
  let at = 0;
  for (const [index, { choice, option }] of cursorStops(window, opened.values).entries()) {
    const from = opened.values[choice.id];
    const to = target[choice.id];
    if (to === undefined || from === to || (option !== undefined && option !== to)) continue;
    const what =
      choice.kind === 'radio'
        ? `choose ${String(to)}`
        : choice.kind === 'box'
          ? `${to ? 'select' : 'deselect'} ${choice.label.replace(/,$/, '')}`
          : `set "${choice.label}" to ${to ? 'y' : 'n'}`;
    const moves =
      index === at ? 'Stay on this choice' : `Press ↓ ${index - at} time${index - at > 1 ? 's' : ''}`;
    steps.push({ say: `${moves}, then Space: ${what}.`, keys: [...down(index - at), KEYS.space] });
    at = index;
  }
  return steps;
}

/** Enter to the action list at the top right, ↓ to the action, Enter. */
export function chooseAction(window: FormWindow, action: string): KeyStep {
  const index = window.actions.indexOf(action);
  return {
    say: `Press Enter for the action list (top right), ↓ ${index} times to ${action}, then Enter.`,
    keys: [KEYS.enter, ...down(index), KEYS.enter],
  };
}

export const LOG_OUT: KeyStep = {
  say: 'When the Status line reports the end: F8 (MainMenu), ↑ once to Logout, Enter.',
  keys: [KEYS.mainMenu, KEYS.up, KEYS.enter],
};

/** The whole keystroke plan of a checklist item done in a CMS window, from `cms` to logging out; null for other items. */
export function keyPlanFor(item: ChecklistItem, backupsToday = 0): KeyStep[] | null {
  const selections = item.selections;
  if (item.act?.kind === 'cms-state') {
    const target = item.act.mode === 'single-user' ? 'Single User Mode' : 'Multi User Mode';
    const opened = openCmsState(item.act.mode === 'single-user' ? 'multi-user' : 'single-user');
    return [
      ...openWindow('System Setup', 'CMS State'),
      ...setChoices(CMS_STATE, opened, { state: target }),
      chooseAction(CMS_STATE, 'Modify'),
      LOG_OUT,
    ];
  }
  if (!selections) return null;
  switch (selections.window) {
    case 'Maintenance: Back Up Data': {
      const target: FormValues = {
        verify: selections.verifyTape,
        acds: selections.acds === 'all' ? 'All ACDs' : 'Current ACD',
        local: selections.localSystemAdmin,
        system: selections.cmsSystemAdmin,
        acdAdmin: selections.acdSpecificAdmin,
        historical: selections.historical !== 'none',
        ...(selections.historical === 'incremental' ? { historicalMode: 'Incremental' } : {}),
        nonCms: selections.nonCms,
        specificTables: selections.specificTables,
      };
      return [
        ...openWindow('Maintenance', 'Back Up Data'),
        ...setChoices(BACK_UP_DATA, openBackUpData(backupsToday), target),
        chooseAction(BACK_UP_DATA, 'Run'),
        LOG_OUT,
      ];
    }
    case 'System Setup: R3 Migrate Data':
      return [
        ...openWindow('System Setup', 'R3 Migrate Data'),
        ...setChoices(
          R3_MIGRATE_DATA,
          openR3MigrateData(),
          Object.fromEntries(selections.dataTypes.map((type) => [type, true])),
        ),
        chooseAction(R3_MIGRATE_DATA, 'Run'),
        LOG_OUT,
      ];
    case 'Maintenance: Restore Data':
      return [
        ...openWindow('Maintenance', 'Restore Data'),
        ...setChoices(RESTORE_DATA, openRestoreData(), {
          local: selections.administration,
          system: selections.administration,
          acdAdmin: selections.administration,
          historical: selections.historical,
          nonCms: selections.nonCms,
        }),
        chooseAction(RESTORE_DATA, 'Run'),
        LOG_OUT,
      ];
  }
}

/** What the training mode shows beside a confirmation done in a CMS window: each instruction, in order. */
export function trainingKeysFor(stepId: StepId, itemId: string): string[] | null {
  const item = stepDefinition(stepId).checklist.find((candidate) => candidate.id === itemId);
  const plan = item ? keyPlanFor(item) : null;
  return plan
    ? ['In a terminal on the server, type cms and press Enter.', ...plan.map((step) => step.say)]
    : null;
}
