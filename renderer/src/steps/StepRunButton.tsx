import { Button, Group, Text } from '@mantine/core';
import type { StepId } from '../../../shared/procedure/types.ts';
import { isRunnable } from '../../../shared/session/stepStatusGroups.ts';
import type { SessionStore } from '../session/sessionStore.ts';

/** What StepRunButton reads of the window's store. */
export const STEP_RUN_BUTTON_KEYS = ['readOnlyReason', 'runStep', 'runningStep', 'state'] as const;
export type StepRunButtonStore = Pick<SessionStore, (typeof STEP_RUN_BUTTON_KEYS)[number]>;

/** The shown step's Run button, when it can run; else why not. */
export function StepRunButton({ stepId, store }: { stepId: StepId; store: StepRunButtonStore }) {
  const run = store.state.steps[stepId];
  if (store.runningStep !== null) return null;
  if (!isRunnable(run.status))
    return run.status === 'pending' ? (
      <Text size="sm" c="dimmed">
        {stepId} can run once the steps before it have passed (see the Plan).
      </Text>
    ) : null;
  return (
    <Group gap="sm" my="xs">
      <Button disabled={store.readOnlyReason !== null} onClick={() => void store.runStep(stepId)}>
        {run.status === 'ready' ? 'Run' : 'Run again'} {stepId}
      </Button>
    </Group>
  );
}
