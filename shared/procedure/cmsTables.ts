/**
 * Database tables a CMS maintenance backup holds for each data type (a representative subset, the
 * ones the simulator writes and br_check listings are classified by).
 */
export const TABLES_BY_DATA_TYPE = {
  localSystemAdmin: ['lsys_prefs', 'lsys_printers', 'lsys_timetable'],
  cmsSystemAdmin: ['cms_users', 'cms_user_perms', 'cms_ext_call_hist', 'cms_storage'],
  acdSpecificAdmin: [
    'acd_shifts',
    'agroups',
    'synonyms',
    'split_admin',
    'vdn_admin',
    'vector_admin',
    'fc_admin',
  ],
  historical: [
    'hsplit',
    'dsplit',
    'wsplit',
    'msplit',
    'hagent',
    'dagent',
    'hvdn',
    'dvdn',
    'hvector',
    'htkgrp',
    'haglog',
  ],
  nonCms: ['custom_tables'],
} as const;

export type CmsDataType = keyof typeof TABLES_BY_DATA_TYPE;

/** The data type a table belongs to; historical tables follow CMS's h/d/w/m + name pattern. */
export function dataTypeOfTable(table: string): CmsDataType | null {
  for (const [type, tables] of Object.entries(TABLES_BY_DATA_TYPE) as [CmsDataType, readonly string[]][]) {
    if (tables.includes(table)) return type;
  }
  if (/^[hdwm](split|agent|vdn|vector|tkgrp|aglog|trunk)$/.test(table)) return 'historical';
  return null;
}
