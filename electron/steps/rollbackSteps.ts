import { parseCmsPackageVersion } from '../../shared/parsers/cmsPackageVersion.ts';
import { ROLLBACK_ITEMS_OF, rollbackPlan, type RollbackPlan } from '../../shared/procedure/rollbackPlan.ts';
import { tapeRoleDefinition } from '../../shared/procedure/tapeRoles.ts';
import type { TapeRole } from '../../shared/procedure/types.ts';
import type { Tape } from '../../shared/session/sessionState.ts';
import { verifyDataCollection } from './cmsChecks.ts';
import { watchedRestoreOnOrig } from './migrationSteps.ts';
import { StepFailure, type StepContext } from './stepContext.ts';
import { checkTapeInDrive, StepInterrupted } from './tapeWork.ts';

const VERSION_LOOK_FOR =
  'the VERSION line of the cms package (pkginfo -l cms): the CMS version ORIG ran the day before, as its CMSADM tape was labelled.';

/**
 * RB, the way back: ORIG restored from its day-before tapes (checked against the tape register), the
 * switch giving ORIG's links back (signed off by the switch administrator), data collection verified on
 * ORIG and the admin freeze ended. Only the parts the upgrade made necessary are asked (rollbackPlan).
 */
export async function rollBack(context: StepContext): Promise<void> {
  const plan = rollbackPlan(context.state);
  context.tellNotes();
  if (!context.state.steps.RB.checkedItems.includes('rollback-decided')) {
    const why = await context.technician.ask(
      'Why roll back? (What failed and what was tried, in a sentence for the report.)',
    );
    if (why === null || why.trim() === '') throw new StepFailure('no reason given for the rollback');
    // A "no" here leaves the upgrade where it was: nothing is decided, nothing noted.
    await context.confirmChecklist(['rollback-decided']);
    await context.record({ type: 'note-added', stepId: 'RB', text: `Rollback decided: ${why.trim()}` });
  }
  for (const part of Object.keys(plan) as (keyof RollbackPlan)[])
    if (!plan[part].needed && !notedAlready(context, plan[part].why))
      await context.record({ type: 'note-added', stepId: 'RB', text: `Not needed: ${plan[part].why}` });

  if (plan.restoreOrig.needed) {
    // A restore done stays done: a run again after a later failure goes on from the version check.
    const done = (itemId: string) => context.state.steps.RB.checkedItems.includes(itemId);
    const cmsadm = await cmsadmTapes(context, !done('system-restored'));
    if (!done('system-restored')) {
      context.technician.tell(
        `Restore ORIG from its CMSADM tape(s) ${cmsadm.map((tape) => tape.id).join(', ')} at ORIG's console: boot from the first tape as the CMSADM restore procedure of the CMS maintenance documentation says, insert each tape when asked, and start ORIG again.`,
      );
      await context.confirmChecklist(['system-restored']);
    }
    await oldVersionBack(context, cmsadm[0]!.cmsVersion);
    if (!done('data-restored')) {
      await context.confirmChecklist(['full-orig-inserted']);
      await checkTapeInDrive(context, 'ORIG', intactRole(context, 'FULL-ORIG'));
      await watchedRestoreOnOrig(
        context,
        'data-restored',
        "The restore of ORIG's data from its full tape of the day before",
      );
    }
  }
  if (plan.switchBack.needed) await context.confirmChecklist(ROLLBACK_ITEMS_OF.switchBack);
  await verifyDataCollection(context, 'ORIG');
  await context.tickDoneByApp(['data-collection-orig']);
  if (plan.endFreeze.needed) await context.confirmChecklist(ROLLBACK_ITEMS_OF.endFreeze);
}

function notedAlready(context: StepContext, why: string): boolean {
  return context.state.notes.some((note) => note.stepId === 'RB' && note.text === `Not needed: ${why}`);
}

/** The role, once the register says every tape of it is intact: a rollback from a spoilt tape is refused. */
function intactRole(context: StepContext, role: TapeRole): TapeRole {
  const tapes = Object.values(context.state.tapes).filter((tape) => tape.role === role);
  const title = tapeRoleDefinition(role).title;
  if (tapes.length === 0)
    throw new StepFailure(`no ${title} is registered: there is nothing to restore ORIG from`);
  const spoilt = tapes.filter((tape) => tape.condition !== 'intact');
  if (spoilt.length > 0)
    throw new StepFailure(
      `${spoilt.map((tape) => `${tape.id} (${title}) is ${tape.condition}`).join('; ')}: ORIG cannot be rolled back from it. Call the TSC before anything else is written on ORIG.`,
    );
  return role;
}

/**
 * Every tape of ORIG's CMSADM set, intact by the register; before the restore (`inHand`), named one by
 * one by the technician as they take it.
 */
async function cmsadmTapes(context: StepContext, inHand: boolean): Promise<Tape[]> {
  intactRole(context, 'CMSADM-ORIG');
  const set = Object.values(context.state.tapes)
    .filter((tape) => tape.role === 'CMSADM-ORIG')
    .sort((a, b) => a.sequence.number - b.sequence.number);
  if (!inHand) return set;
  for (const tape of set) {
    let problem = '';
    for (;;) {
      const named = await context.technician.ask(
        `Id written on CMSADM tape ${tape.sequence.number} of ${tape.sequence.of} of ORIG, the one you will restore from${problem ? ` (${problem}: try again.)` : ''}`,
      );
      if (named === null) throw new StepFailure('the CMSADM tapes of ORIG were not named');
      if (named.trim() === tape.id) break;
      const other = context.state.tapes[named.trim()];
      problem = other
        ? `${other.id} is the ${tapeRoleDefinition(other.role).title}, not CMSADM tape ${tape.sequence.number} (${tape.id})`
        : `${named.trim() || 'nothing'} is not CMSADM tape ${tape.sequence.number} of ORIG (${tape.id})`;
      if (other) await context.refuse(`Not restored from ${other.id}: ${problem}.`);
    }
    await context.record({ type: 'tape-loaded', stepId: 'RB', server: 'ORIG', tapeId: tape.id });
  }
  await context.tickDoneByApp(['cmsadm-tapes-in-hand']);
  return set;
}

/** After the system restore ORIG must run the CMS version its CMSADM tape was written with. */
async function oldVersionBack(context: StepContext, expected: string): Promise<void> {
  const result = await (await context.connect('ORIG')).exec('pkginfo -l cms', { timeoutMs: 60_000 });
  if (result.kind === 'interrupted') throw new StepInterrupted(result.reason);
  const output = result.kind === 'exited' ? result.stdout : '';
  const version = parseCmsPackageVersion(output);
  await context.evidence('ORIG', 'cms-version-after-restore', { ...version, raw: undefined, expected });
  if (version.kind === 'version') {
    if (version.version !== expected)
      throw new StepFailure(
        `ORIG runs CMS ${version.version} after the restore, but its CMSADM tape was written with ${expected}: the system restore did not take`,
      );
    context.technician.tell(`ORIG runs CMS ${version.version} again, as its CMSADM tape was written.`);
  } else {
    await context.requireRightVerdict(
      'ORIG',
      'The CMS version of ORIG after the system restore',
      VERSION_LOOK_FOR,
      output,
    );
  }
  await context.tickDoneByApp(['old-version-back']);
}
