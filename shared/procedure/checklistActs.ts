import type { ChecklistItem, MenuSelections, ServerRole, StepDefinition } from './types.ts';

/** An irreversible act a checklist item asks the technician to do in a CMS window or at the console. */
export interface ChecklistAct {
  kind: 'backup' | 'migration' | 'restore' | 'cue-upgrade' | 'cms-state' | 'system-restore';
  server: ServerRole;
  /** The data the act writes or reads (backups, migrations, restores). */
  dataTypes?: string[];
  /** A backup's historical data (full, incremental, none), or the CMS state set. */
  mode?: string;
}

function fromSelections(selections: MenuSelections): Omit<ChecklistAct, 'server'> {
  switch (selections.window) {
    case 'Maintenance: Back Up Data': {
      const picked = {
        'local-system-admin': selections.localSystemAdmin,
        'cms-system-admin': selections.cmsSystemAdmin,
        'acd-specific-admin': selections.acdSpecificAdmin,
        historical: selections.historical !== 'none',
        'non-cms': selections.nonCms,
        'specific-tables': selections.specificTables,
      };
      return {
        kind: 'backup',
        dataTypes: Object.entries(picked)
          .filter(([, on]) => on)
          .map(([name]) => name),
        mode: selections.historical,
      };
    }
    case 'System Setup: R3 Migrate Data':
      return { kind: 'migration', dataTypes: [...selections.dataTypes] };
    case 'Maintenance: Restore Data':
      return {
        kind: 'restore',
        dataTypes: [
          ...(selections.administration
            ? ['local-system-admin', 'cms-system-admin', 'acd-specific-admin']
            : []),
          ...(selections.historical ? ['historical'] : []),
          ...(selections.nonCms ? ['non-cms'] : []),
        ],
      };
  }
}

/** The act an item asks for, if any: from its CMS window's selections, or as the procedure data names it. */
export function checklistItemAct(step: StepDefinition, item: ChecklistItem): ChecklistAct | null {
  if (step.target !== 'ORIG' && step.target !== 'NEW') return null;
  if (item.selections) return { ...fromSelections(item.selections), server: step.target };
  if (item.act) return { ...item.act, server: step.target };
  return null;
}
