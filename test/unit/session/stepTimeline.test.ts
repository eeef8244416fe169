import { describe, expect, it } from 'vitest';
import { stepTimeline } from '../../../shared/session/stepTimeline.ts';
import { ScenarioBuilder } from '../../support/sessionScenario.ts';

describe('the step timeline', () => {
  it('keeps every attempt with its lanes, start, end and outcome', () => {
    const scenario = new ScenarioBuilder()
      .created()
      .completeStep('P1')
      .add({ type: 'step-started', stepId: 'P2' })
      .add({ type: 'step-interrupted', stepId: 'P2', reason: 'connection lost' })
      .completeStep('P2')
      .add({ type: 'step-started', stepId: 'P3b' });
    const timeline = stepTimeline(scenario.events);
    expect(timeline.map((a) => [a.stepId, a.attempt, a.lanes, a.outcome])).toEqual([
      ['P1', 1, ['switch'], 'passed'],
      ['P2', 1, ['ORIG', 'NEW'], 'interrupted'],
      ['P2', 2, ['ORIG', 'NEW'], 'passed'],
      ['P3b', 1, ['technician'], 'running'],
    ]);
    const [p1, interrupted] = timeline;
    expect(Date.parse(p1!.endedAt!)).toBeGreaterThan(Date.parse(p1!.startedAt));
    expect(interrupted!.endedAt).toBe(scenario.events.find((e) => e.type === 'step-interrupted')!.at);
    expect(timeline[3]!.endedAt).toBeNull();
  });

  it('is empty for a session where nothing ran', () => {
    expect(stepTimeline(new ScenarioBuilder().created().events)).toEqual([]);
  });
});
