/**
 * The CMS windows as the manual prints them, line for line (Avaya CMS HA upgrade manual), for tests
 * that read them off a terminal's screen.
 */

/** The manual's Back Up Data window of p. 27 ("Performing a full maintenance backup"), line for line. */
export const MANUAL_P27 = [
  '12/23/99 10:07                               Ex: 1           Windows: 1 of 10  vv^',
  'Maintenance: Backup Data',
  'Backups completed today: 0',
  'Status:',
  'Errors:',
  '',
  'Device name: default_____',
  'Verify tape can be read after backup? (y,n): y',
  '',
  'ACD(s) to back up (Select one):',
  '<x> All ACDs  <_> Current ACD',
  '',
  'Data to back up (Select any you wish):',
  '[x] Local system administration data',
  '[x] CMS system administration data',
  '[x] ACD-specific administration data',
  '[x] Historical data,',
  '    Select one:',
  '        <x> Full  <_> Incremental',
  '[x] Non-CMS data',
  '[_] Specific tables',
  'Cancel',
  'List devices',
  'Run',
];

/** The manual's example of p. 40 ("Performing an incremental maintenance backup"). */
export const MANUAL_P40 = [
  'Maintenance: Backup Data',
  'Backups completed today: 1',
  'Status: Last backup finished 01/10/2000 11:56:02.',
  'Errors:',
  '',
  'Device name: default',
  'Verify tape can be read after backup? (y,n): y',
  '',
  'ACD(s) to back up (Select one):',
  '<x> All ACDs <_> Current ACD',
  '',
  'Data to back up (Select any you wish):',
  '[ ] Local system administration data',
  '[ ] CMS system administration data',
  '[x] ACD-specific administration data',
  '[x] Historical data,',
  '    Select one:',
  '    <_> Full <x> Incremental',
  '[x] Non-CMS data',
  '[ ] Specific tables',
  'Help | Window | Commands | Keep | Exit | Scroll | Current | MainMenu',
];

/** Rows drawn as a full-screen program draws them: each at its place on the screen, by cursor addressing. */
export function drawnRows(rows: readonly string[]): string {
  return rows.map((row, index) => `\x1b[${index + 1};1H${row}`).join('');
}
