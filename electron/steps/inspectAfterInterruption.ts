import { stepDefinition } from '../../shared/procedure/procedureGraph.ts';
import type { ServerRole } from '../../shared/procedure/types.ts';
import { StepFailure, type StepContext } from './stepContext.ts';
import { readTapeDrive } from './tapeDriveCheck.ts';
import { StepInterrupted, tapeDeviceOf } from './tapeWork.ts';

function serversOf(context: StepContext): ServerRole[] {
  const target = stepDefinition(context.stepId).target;
  return target === 'both' ? ['ORIG', 'NEW'] : target === 'ORIG' || target === 'NEW' ? [target] : [];
}

/**
 * A step whose last attempt was interrupted (a dropped link, a reboot, the app killed) is never simply
 * started again: the app first looks at its servers — do they answer, what is in the tape drive — tells
 * the technician what it found, and runs the step again from its start only when they agree.
 */
export async function inspectAfterInterruption(context: StepContext, previousReason: string): Promise<void> {
  const findings: string[] = [];
  for (const server of serversOf(context)) {
    let connection;
    try {
      connection = await context.connect(server);
    } catch (error) {
      throw new StepInterrupted(`${server} does not answer yet: ${(error as Error).message}`);
    }
    const name = await connection.exec('uname -n', { timeoutMs: 30_000 });
    if (name.kind === 'interrupted') throw new StepInterrupted(name.reason);
    const hostname = name.kind === 'exited' ? name.stdout.trim() : '(no answer)';
    const tapeWork =
      stepDefinition(context.stepId).tapesIn.length + stepDefinition(context.stepId).tapesOut.length > 0;
    let drive = '';
    if (tapeWork) {
      const reading = await readTapeDrive(connection, tapeDeviceOf(context, server));
      await context.evidence(server, 'mt-status', { ...reading.mt, raw: undefined });
      drive =
        reading.mt.kind === 'unrecognised'
          ? `; its tape drive did not answer clearly (${reading.mt.reason})`
          : reading.mt.status === 'ready'
            ? `; a tape is in its drive at file ${reading.mt.fileNo}, block ${reading.mt.blockNo}`
            : `; its drive: ${reading.mt.message}`;
    }
    findings.push(`${server} answers (${hostname})${drive}`);
  }
  context.technician.tell(
    `${context.stepId} was interrupted last time (${previousReason}). ${findings.join('. ') || 'Nothing to inspect on the servers'}.${
      stepDefinition(context.stepId).tapesOut.length > 0
        ? ' A backup cut short leaves an incomplete tape set: label it as such and start again with a fresh tape.'
        : ''
    }`,
  );
  if (!(await context.technician.confirm(`Run ${context.stepId} again from its start?`)))
    throw new StepFailure(`not run again after the interruption (${previousReason})`);
}
