import { describe, expect, it } from 'vitest';
import { nextAction } from '../../../shared/session/nextAction.ts';
import { reduceSession } from '../../../shared/session/reduceSession.ts';
import type { SessionEvent } from '../../../shared/session/sessionEvents.ts';
import { timeAlerts } from '../../../shared/session/timeAlerts.ts';
import { recordedTrainingEvents } from '../../support/recordedEvents.ts';

const events = recordedTrainingEvents();
/** The recorded run up to (not including) the first event that matches. */
const until = (match: (event: SessionEvent) => boolean) => events.slice(0, events.findIndex(match));
const hour = 3_600_000;

describe('nextAction', () => {
  it('starts with P1 at the switch, and names the step running while one runs', () => {
    const fresh = reduceSession(events.slice(0, 1));
    expect(nextAction(fresh, null)).toMatchObject({ kind: 'run', stepId: 'P1', again: false });
    expect(nextAction(fresh, 'P2')).toMatchObject({ kind: 'running', stepId: 'P2' });
  });

  it('says which registered tapes D2 reads and where they are, and that D1 writes a blank', () => {
    const beforeD1 = reduceSession(until((e) => e.type === 'step-started' && e.stepId === 'D1'));
    const d1 = nextAction(beforeD1, null);
    expect(d1).toMatchObject({ kind: 'run', stepId: 'D1', blanks: ['ADMIN-ORIG'], bring: [] });
    expect(d1.kind === 'run' && d1.where).toMatch(
      /^On ORIG as root in a terminal of this app, then the CMS menus/,
    );
    const beforeD2 = reduceSession(until((e) => e.type === 'step-started' && e.stepId === 'D2'));
    const d2 = nextAction(beforeD2, null);
    expect(d2.kind === 'run' && d2.bring).toEqual([
      { role: 'ADMIN-ORIG', tapes: [{ id: 'DDS4-03', where: expect.any(String), condition: 'intact' }] },
    ]);
  });

  it('offers a failed step again with the reason it failed', () => {
    const failedAt = events.findIndex((e) => e.type === 'step-failed');
    const failed = events[failedAt] as Extract<SessionEvent, { type: 'step-failed' }>;
    const action = nextAction(reduceSession(events.slice(0, failedAt + 1)), null);
    expect(action).toEqual(
      expect.objectContaining({ kind: 'run', stepId: failed.stepId, again: true, reason: failed.reason }),
    );
  });

  it('ends complete with the time the last step ended', () => {
    const action = nextAction(reduceSession(events), null);
    const lastPass = events.filter((e) => e.type === 'step-passed').at(-1)!;
    expect(action).toEqual({ kind: 'complete', endedAt: lastPass.at });
  });
});

describe('timeAlerts', () => {
  const beforeD1 = until((e) => e.type === 'step-started' && e.stepId === 'D1');
  const state = reduceSession(beforeD1);
  const cmsadmEnded = Date.parse(state.steps.P4a.endedAt!);

  it('is quiet while the backups are fresh and the cut-off far', () => {
    expect(timeAlerts(state, new Date(cmsadmEnded + hour))).toEqual([]);
  });

  it('warns before D1 when the CMSADM backup is older than 24 hours (manual p. 25), and notices the last hour', () => {
    const late = timeAlerts(state, new Date(cmsadmEnded + 25 * hour));
    expect(late.find((alert) => alert.id === 'cmsadm-backup-age')).toMatchObject({
      severity: 'warning',
      text: expect.stringMatching(/P4a's CMSADM backup is 25 h 00 min old: run P4a again before D1.*p\. 25/),
    });
    const near = timeAlerts(state, new Date(cmsadmEnded + 23.5 * hour));
    expect(near.find((alert) => alert.id === 'cmsadm-backup-age')?.severity).toBe('notice');
  });

  it('keeps the warning on record once the upgrade started late, and says nothing once it started in time', () => {
    const d1Started = events.find((e) => e.type === 'step-started' && e.stepId === 'D1')!;
    const startedLate = reduceSession([
      ...beforeD1,
      { ...d1Started, at: new Date(cmsadmEnded + 30 * hour).toISOString() },
    ]);
    expect(timeAlerts(startedLate, new Date(cmsadmEnded + 31 * hour)).map((a) => a.id)).toContain(
      'cmsadm-backup-age',
    );
    const inTime = reduceSession([
      ...beforeD1,
      { ...d1Started, at: new Date(cmsadmEnded + hour).toISOString() },
    ]);
    expect(timeAlerts(inTime, new Date(cmsadmEnded + 40 * hour))).toEqual([]);
  });

  it('notices the cut-off in its last hour, and warns when the outage runs over its plan', () => {
    const withCutOff = reduceSession([
      ...beforeD1,
      {
        type: 'cut-off-set',
        cutOff: new Date(cmsadmEnded + 2 * hour).toISOString(),
        at: beforeD1.at(-1)!.at,
      },
    ]);
    expect(timeAlerts(withCutOff, new Date(cmsadmEnded + 1.5 * hour)).map((a) => a.id)).toEqual([
      'cut-off-near',
    ]);
    const outage = reduceSession(events.filter((e) => e.type !== 'outage-planned'));
    const started = Date.parse(outage.clocks['outage-window'].startedAt!);
    const running = reduceSession([
      ...until((e) => e.type === 'step-passed' && e.stepId === 'D4'),
      { type: 'outage-planned', minutes: 60, at: events[0]!.at },
    ]);
    expect(timeAlerts(running, new Date(started + 30 * 60_000)).map((a) => a.id)).toEqual([]);
    expect(timeAlerts(running, new Date(started + 90 * 60_000))).toEqual([
      expect.objectContaining({
        id: 'outage-overrun',
        text: 'Planned 1 h 00 min; over by 0 h 30 min. Tell the customer.',
      }),
    ]);
  });
});
