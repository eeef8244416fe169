import { Alert, Button, Card, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { ROLLBACK_STEP } from '../../../shared/procedure/rollbackStep.ts';
import { PROCEDURE_STEPS } from '../../../shared/procedure/steps.ts';
import { rollbackOffered } from '../../../shared/session/rollbackState.ts';
import { WayBackCard, wayBackStep } from '../rollback/WayBackCard.tsx';
import type { StepId } from '../../../shared/procedure/types.ts';
import { tapeChecklist } from '../../../shared/report/tapeChecklist.ts';
import { nextAction, type NextAction } from '../../../shared/session/nextAction.ts';
import { timeAlerts } from '../../../shared/session/timeAlerts.ts';
import type { SessionStore } from '../session/sessionStore.ts';
import { formatDuration } from '../session/formatDuration.ts';
import type { WindowView } from '../layout/windowViews.ts';

/** What NowView reads of the window's store. */
export const NOW_VIEW_KEYS = [
  'customerSignOff',
  'exports',
  'questions',
  'readOnlyReason',
  'runStep',
  'runningStep',
  'state',
] as const;
export type NowViewStore = Pick<SessionStore, (typeof NOW_VIEW_KEYS)[number]>;

/**
 * The home of a session: the one next action with what to have in hand and the time left, or, once
 * every step is done, the completion summary (steps, tapes to hand over, exports).
 */
export function NowView({
  store,
  now,
  onShow,
  onShowStep,
}: {
  store: NowViewStore;
  /** Fixed in tests; the window's clock otherwise. */
  now: Date;
  onShow: (view: WindowView) => void;
  onShowStep: (stepId: StepId) => void;
}) {
  const action = useMemo(() => nextAction(store.state, store.runningStep), [store.state, store.runningStep]);
  const alerts = timeAlerts(store.state, now);
  const run = (stepId: StepId) => {
    onShowStep(stepId);
    void store.runStep(stepId);
  };
  const wayBackOf = wayBackStep(action.kind === 'run' || action.kind === 'running' ? action.stepId : null);
  return (
    <Stack gap="md" className="now-view" aria-labelledby="now-heading" component="section">
      {alerts.map((alert) => (
        <Alert key={alert.id} color={alert.severity === 'warning' ? 'red' : 'yellow'} title={alert.title}>
          {alert.text}
        </Alert>
      ))}
      {action.kind === 'complete' || action.kind === 'rolled-back' ? (
        <CompletionSummary
          store={store}
          outcome={action.kind}
          endedAt={action.endedAt}
          onShow={onShow}
          onShowStep={onShowStep}
        />
      ) : (
        <>
          <NextActionCard action={action} store={store} now={now} onRun={run} onShowStep={onShowStep} />
          {wayBackOf !== null && rollbackOffered(store.state) && (
            <WayBackCard
              stepId={wayBackOf}
              disabled={store.readOnlyReason !== null || action.kind === 'running'}
              onRollBack={() => run('RB')}
            />
          )}
        </>
      )}
    </Stack>
  );
}

function NextActionCard({
  action,
  store,
  now,
  onRun,
  onShowStep,
}: {
  action: Exclude<NextAction, { kind: 'complete' | 'rolled-back' }>;
  store: NowViewStore;
  now: Date;
  onRun: (stepId: StepId) => void;
  onShowStep: (stepId: StepId) => void;
}) {
  const cutOff = store.state.cutOff === null ? null : Date.parse(store.state.cutOff) - now.getTime();
  return (
    <Card withBorder padding="lg">
      {action.kind === 'running' && (
        <>
          <Title order={2} id="now-heading">
            {action.stepId} is running: {action.title}
          </Title>
          <Text mt="xs">
            {store.questions.length > 0
              ? `${store.questions.length === 1 ? 'A question is' : `${store.questions.length} questions are`} waiting for you.`
              : 'The app is working; it asks when it needs you.'}
          </Text>
          <Group mt="md">
            <Button onClick={() => onShowStep(action.stepId)}>Go to {action.stepId} (Alt+2)</Button>
          </Group>
        </>
      )}
      {action.kind === 'stuck' && (
        <>
          <Title order={2} id="now-heading">
            Nothing can start now
          </Title>
          <Text mt="xs">Still open: {action.waitingFor.join(', ')}. See the Plan for why.</Text>
        </>
      )}
      {action.kind === 'run' && (
        <>
          <Text size="sm" c="dimmed">
            Next
          </Text>
          <Title order={2} id="now-heading">
            {action.stepId}: {action.title}
          </Title>
          {action.again && (
            <Text mt="xs" c="red.8">
              The last attempt ended: {action.reason ?? 'no reason recorded'}. Fix that, then run it again.
            </Text>
          )}
          <Title order={3} size="h4" mt="md">
            Have in hand
          </Title>
          <List spacing={4} aria-label="Have in hand">
            <List.Item>{action.where}</List.Item>
            {action.bring.map(({ role, tapes }) => (
              <List.Item key={role}>
                The {role} tape{tapes.length > 1 ? 's' : ''}:{' '}
                {tapes.length === 0
                  ? 'not written yet'
                  : tapes
                      .map(
                        (tape) =>
                          `${tape.id} (${tape.where}${tape.condition === 'intact' ? '' : `, ${tape.condition.toUpperCase()}`})`,
                      )
                      .join(', ')}
              </List.Item>
            ))}
            {action.blanks.map((role) => (
              <List.Item key={role}>
                A blank tape to become {role}
                {role.startsWith('CMSADM') ? ' (more than one if the backup does not fit)' : ''}
              </List.Item>
            ))}
          </List>
          <Text mt="md" aria-label="Time to the cut-off">
            {cutOff === null
              ? 'Cut-off: not set yet (P3b asks for it).'
              : cutOff > 0
                ? `Cut-off in ${formatDuration(cutOff)}.`
                : `Cut-off passed ${formatDuration(-cutOff)} ago: no administration changes.`}
          </Text>
          <Group mt="md">
            <Button size="md" disabled={store.readOnlyReason !== null} onClick={() => onRun(action.stepId)}>
              {action.again ? 'Run again' : 'Run'} {action.stepId}
            </Button>
            <Button variant="default" onClick={() => onShowStep(action.stepId)}>
              Read {action.stepId} first
            </Button>
          </Group>
        </>
      )}
    </Card>
  );
}

/** The customer representative's name and role, recorded as the upgrade's sign-off (shown once recorded). */
function CustomerSignOff({ store }: { store: NowViewStore }) {
  const [name, setName] = useState('');
  const [role, setRole] = useState('');
  const recorded = store.state.customerSignOff;
  return (
    <section aria-labelledby="customer-sign-off-heading">
      <Title order={3} size="h4" mt="md" id="customer-sign-off-heading">
        Customer sign-off
      </Title>
      {recorded && (
        <Text role="status">
          Signed off by <bdi>{recorded.name}</bdi> (<bdi>{recorded.role}</bdi>) at{' '}
          {new Date(recorded.at).toLocaleString()}. The report&apos;s sign-off block names them.
        </Text>
      )}
      <form
        className="start-form"
        aria-label="Customer sign-off"
        onSubmit={(event) => {
          event.preventDefault();
          void store.customerSignOff(name.trim(), role.trim());
        }}
      >
        <label>
          Customer representative{' '}
          <input value={name} maxLength={200} onChange={(e) => setName(e.target.value)} required />
        </label>
        <label>
          Role <input value={role} maxLength={200} onChange={(e) => setRole(e.target.value)} required />
        </label>
        <button type="submit" disabled={store.readOnlyReason !== null}>
          {recorded ? 'Record the sign-off again' : 'Record the sign-off'}
        </button>
      </form>
    </section>
  );
}

function CompletionSummary({
  store,
  outcome,
  endedAt,
  onShow,
  onShowStep,
}: {
  store: NowViewStore;
  outcome: 'complete' | 'rolled-back';
  endedAt: string | null;
  onShow: (view: WindowView) => void;
  onShowStep: (stepId: StepId) => void;
}) {
  const checklist = tapeChecklist(store.state);
  // Newest first; a file exported again is listed once.
  const files = [...new Set(store.exports.flatMap((done) => done.files))];
  return (
    <Card withBorder padding="lg" aria-label="Completion summary" component="section">
      <Title order={2} id="now-heading">
        {outcome === 'complete' ? 'The upgrade is complete' : 'The upgrade was rolled back'}
      </Title>
      <Text mt="xs">
        {outcome === 'complete'
          ? `Every step is done${endedAt ? `; the last ended ${new Date(endedAt).toLocaleString()}` : ''}.`
          : `ORIG is back as it was the day before and collects data again${endedAt ? ` (since ${new Date(endedAt).toLocaleString()})` : ''}. A new attempt starts a new session, with new backups of the day before.`}{' '}
        Hand over the tapes below and export the report for the customer to sign.
      </Text>
      <Title order={3} size="h4" mt="md">
        Steps
      </Title>
      <Table striped withTableBorder aria-label="Steps of the upgrade" fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Step</Table.Th>
            <Table.Th>What</Table.Th>
            <Table.Th>State</Table.Th>
            <Table.Th>Attempts</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {[...PROCEDURE_STEPS, ...(outcome === 'rolled-back' ? [ROLLBACK_STEP] : [])].map((step) => {
            const run = store.state.steps[step.id];
            return (
              <Table.Tr key={step.id} data-summary-step={step.id}>
                <Table.Td>
                  <Button variant="subtle" size="compact-sm" onClick={() => onShowStep(step.id)}>
                    {step.id}
                  </Button>
                </Table.Td>
                <Table.Td>{step.title}</Table.Td>
                <Table.Td>
                  <Text span fw={600} c={run.status === 'passed' ? 'green.8' : 'dimmed'}>
                    {run.status}
                  </Text>
                </Table.Td>
                <Table.Td>{run.attempts}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      <Title order={3} size="h4" mt="md">
        Tapes the customer keeps
      </Title>
      <List aria-label="Tapes the customer keeps">
        {checklist.keep.map((tape) => (
          <List.Item key={tape.role}>
            {tape.title} ({tape.role}):{' '}
            {tape.whereabouts.length > 0 ? tape.whereabouts.join('; ') : 'none registered'}
          </List.Item>
        ))}
      </List>
      <Title order={3} size="h4" mt="md">
        Tapes that may go back to the maintenance rotation
      </Title>
      <List aria-label="Reusable tapes">
        {checklist.reusable.map((tape) => (
          <List.Item key={tape.role}>
            {tape.title} ({tape.role}):{' '}
            {tape.tapeIds.length > 0 ? tape.tapeIds.join(', ') : 'none registered'}
          </List.Item>
        ))}
      </List>
      <CustomerSignOff store={store} />
      <Title order={3} size="h4" mt="md">
        Exports
      </Title>
      {files.length === 0 ? (
        <Text>No report exported from this window yet.</Text>
      ) : (
        <List aria-label="Exports made">
          {files.map((file) => (
            <List.Item key={file}>
              <code>{file}</code>
            </List.Item>
          ))}
        </List>
      )}
      <Group mt="md">
        <Button onClick={() => onShow('report')}>Export the report (Alt+6)</Button>
        <Button variant="default" onClick={() => onShow('tapes')}>
          Tapes (Alt+4)
        </Button>
      </Group>
    </Card>
  );
}
