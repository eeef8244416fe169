import type { MaintenanceBackupSelections } from '../../../shared/procedure/types.ts';
import {
  ACTION_LIST_COLUMN,
  ACTION_LIST_FIRST_ROW,
  drawScreen,
  FUNCTION_KEY_BAR,
  headerLine,
  HIGHLIGHT_OFF,
  HIGHLIGHT_ON,
  KEYS,
} from './screenAssumptions.ts';

/** The Back Up Data window's actions, as the manual lists them (p. 27). */
export const BACK_UP_DATA_ACTIONS = ['Cancel', 'List devices', 'Run', 'Select tables'] as const;

/** The choices the cursor moves between, top to bottom (the manual's order on p. 27). */
const CHOICES = [
  'verify',
  'all-acds',
  'local',
  'system',
  'acd-admin',
  'historical',
  'historical-mode',
  'non-cms',
  'specific-tables',
] as const;

export interface BackUpDataScreen {
  selections: Omit<MaintenanceBackupSelections, 'window' | 'historical'> & {
    historical: boolean;
    historicalMode: 'full' | 'incremental';
  };
  backupsToday: number;
  status: string;
  errors: string;
  /** The choice the cursor is on, or the action list (after Enter). */
  focus: { on: 'choice'; index: number } | { on: 'actions'; index: number };
}

/** The window as it opens: the defaults the manual shows on p. 27 (everything, historical full). */
export function openBackUpData(backupsToday: number): BackUpDataScreen {
  return {
    selections: {
      acds: 'all',
      verifyTape: true,
      localSystemAdmin: true,
      cmsSystemAdmin: true,
      acdSpecificAdmin: true,
      historical: true,
      historicalMode: 'full',
      nonCms: true,
      specificTables: false,
    },
    backupsToday,
    status: '',
    errors: '',
    focus: { on: 'choice', index: 0 },
  };
}

/** The selections in the procedure's terms (what the backup will write). */
export function backUpDataSelections(screen: BackUpDataScreen): MaintenanceBackupSelections {
  const { historical, historicalMode, ...rest } = screen.selections;
  return { window: 'Maintenance: Back Up Data', ...rest, historical: historical ? historicalMode : 'none' };
}

/** One key: the screen after it, and the action chosen when Enter is pressed in the action list. */
export function pressOnBackUpData(
  screen: BackUpDataScreen,
  key: string,
): { screen: BackUpDataScreen; chosen: (typeof BACK_UP_DATA_ACTIONS)[number] | null } {
  const { focus } = screen;
  const moved = (delta: number): BackUpDataScreen => {
    const count = focus.on === 'choice' ? CHOICES.length : BACK_UP_DATA_ACTIONS.length;
    return { ...screen, focus: { ...focus, index: (focus.index + delta + count) % count } };
  };
  if (key === KEYS.down || key === KEYS.tab) return { screen: moved(1), chosen: null };
  if (key === KEYS.up) return { screen: moved(-1), chosen: null };
  if (focus.on === 'actions') {
    if (key === KEYS.enter) return { screen, chosen: BACK_UP_DATA_ACTIONS[focus.index]! };
    if (key === KEYS.exit) return { screen: { ...screen, focus: { on: 'choice', index: 0 } }, chosen: null };
    return { screen, chosen: null };
  }
  if (key === KEYS.enter) return { screen: { ...screen, focus: { on: 'actions', index: 0 } }, chosen: null };
  if (key !== KEYS.space) return { screen, chosen: null };
  const s = { ...screen.selections };
  switch (CHOICES[focus.index]) {
    case 'verify':
      s.verifyTape = !s.verifyTape;
      break;
    case 'all-acds':
      s.acds = s.acds === 'all' ? 'current' : 'all';
      break;
    case 'local':
      s.localSystemAdmin = !s.localSystemAdmin;
      break;
    case 'system':
      s.cmsSystemAdmin = !s.cmsSystemAdmin;
      break;
    case 'acd-admin':
      s.acdSpecificAdmin = !s.acdSpecificAdmin;
      break;
    case 'historical':
      s.historical = !s.historical;
      break;
    case 'historical-mode':
      s.historicalMode = s.historicalMode === 'full' ? 'incremental' : 'full';
      break;
    case 'non-cms':
      s.nonCms = !s.nonCms;
      break;
    case 'specific-tables':
      s.specificTables = !s.specificTables;
      break;
  }
  return { screen: { ...screen, selections: s }, chosen: null };
}

/** The whole window drawn for an 80 × 24 terminal, laid out as the manual prints it (p. 27). */
export function drawBackUpData(screen: BackUpDataScreen, now: Date): string {
  const s = screen.selections;
  const box = (on: boolean) => (on ? '[x]' : '[_]');
  const radio = (on: boolean) => (on ? '<x>' : '<_>');
  const at = (choice: (typeof CHOICES)[number], text: string) =>
    screen.focus.on === 'choice' && CHOICES[screen.focus.index] === choice
      ? `${HIGHLIGHT_ON}${text}${HIGHLIGHT_OFF}`
      : text;
  const rows = [
    headerLine(now, 1),
    'Maintenance: Backup Data',
    `Backups completed today: ${screen.backupsToday}`,
    `Status: ${screen.status}`,
    `Errors: ${screen.errors}`,
    '',
    'Device name: default_____',
    `Verify tape can be read after backup? (y,n): ${at('verify', s.verifyTape ? 'y' : 'n')}`,
    '',
    'ACD(s) to back up (Select one):',
    `${at('all-acds', `${radio(s.acds === 'all')} All ACDs`)}  ${radio(s.acds === 'current')} Current ACD`,
    '',
    'Data to back up (Select any you wish):',
    at('local', `${box(s.localSystemAdmin)} Local system administration data`),
    at('system', `${box(s.cmsSystemAdmin)} CMS system administration data`),
    at('acd-admin', `${box(s.acdSpecificAdmin)} ACD-specific administration data`),
    at('historical', `${box(s.historical)} Historical data,`),
    '    Select one:',
    `        ${at('historical-mode', `${radio(s.historicalMode === 'full')} Full`)}  ${radio(s.historicalMode === 'incremental')} Incremental`,
    at('non-cms', `${box(s.nonCms)} Non-CMS data`),
    at('specific-tables', `${box(s.specificTables)} Specific tables`),
    '',
    '',
    FUNCTION_KEY_BAR,
  ];
  const actions = BACK_UP_DATA_ACTIONS.map((action, index) => {
    const current = screen.focus.on === 'actions' && screen.focus.index === index;
    return `\x1b[${ACTION_LIST_FIRST_ROW + index};${ACTION_LIST_COLUMN}H${current ? HIGHLIGHT_ON : ''}${action}${current ? HIGHLIGHT_OFF : ''}`;
  }).join('');
  return `${drawScreen(rows)}${actions}\x1b[24;80H`;
}
