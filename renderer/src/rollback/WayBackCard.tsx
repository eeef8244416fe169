import { Button, Card, Group, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { StepId, UpgradeStepId } from '../../../shared/procedure/types.ts';
import { WAY_BACK } from '../../../shared/procedure/wayBack.ts';

/**
 * The way back from where the upgrade stands: what to do if `stepId` fails, and "Roll back", asked
 * twice because it ends the upgrade in this session for good.
 */
export function WayBackCard({
  stepId,
  disabled,
  onRollBack,
}: {
  stepId: UpgradeStepId;
  disabled: boolean;
  onRollBack: () => void;
}) {
  const [asking, setAsking] = useState(false);
  const wayBack = WAY_BACK[stepId];
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="way-back-heading">
      <Title order={3} size="h4" id="way-back-heading">
        If {stepId} fails
      </Title>
      <Text mt="xs">
        {wayBack.text}
        {wayBack.source ? ` (${wayBack.source.section}, p. ${wayBack.source.page})` : ''}
      </Text>
      {wayBack.rollBack && !asking && (
        <Group mt="sm">
          <Button variant="outline" color="red" disabled={disabled} onClick={() => setAsking(true)}>
            Roll back…
          </Button>
        </Group>
      )}
      {asking && (
        <>
          <Text mt="sm" fw={600} role="alert">
            Rolling back stops the upgrade in this session for good: ORIG is brought back as it was the day
            before, from its CMSADM and full maintenance tapes where needed. Roll back now?
          </Text>
          <Group mt="sm">
            <Button color="red" disabled={disabled} onClick={onRollBack}>
              Start the rollback
            </Button>
            <Button variant="default" onClick={() => setAsking(false)}>
              Keep going with the upgrade
            </Button>
          </Group>
        </>
      )}
    </Card>
  );
}

/** The step whose way back applies now: the step to run next or again, or the running one. */
export function wayBackStep(stepId: StepId | null): UpgradeStepId | null {
  return stepId === null || stepId === 'RB' ? null : stepId;
}
