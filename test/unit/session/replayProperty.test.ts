import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reduceSession, SessionFold } from '../../../shared/session/reduceSession.ts';
import { SessionGuardError } from '../../../shared/session/sessionGuardError.ts';
import { choicesArbitrary, liveRun } from '../../support/liveRun.ts';

// CPU-bound property runs: their duration depends on the machine's load, never on a race.
describe('replaying the journal', { timeout: 120_000 }, () => {
  it('gives, for every prefix of any journal, the same state as the live fold had at that point', () => {
    fc.assert(
      fc.property(choicesArbitrary, fc.array(fc.nat(), { minLength: 1, maxLength: 5 }), (choices, cuts) => {
        const run = liveRun(choices);
        const prefixes = [run.accepted.length, ...cuts.map((cut) => cut % (run.accepted.length + 1))];
        for (const k of prefixes) {
          expect(reduceSession(run.accepted.slice(0, k))).toEqual(run.snapshots[k]);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('a fold offered refused events along the way ends where the live run ended, and leaves the live states untouched', () => {
    fc.assert(
      fc.property(choicesArbitrary, (choices) => {
        const run = liveRun(choices);
        const before = JSON.stringify(run.snapshots);
        const fold = new SessionFold();
        for (const event of run.proposed) {
          try {
            fold.apply(event);
          } catch (error) {
            expect(error).toBeInstanceOf(SessionGuardError);
          }
        }
        expect(fold.state).toEqual(run.snapshots.at(-1));
        expect(JSON.stringify(run.snapshots)).toBe(before);
      }),
      { numRuns: 200 },
    );
  });

  it('reaches deep into the procedure and through the guards (the generator is not trivial)', () => {
    const runs = fc
      .sample(fc.array(fc.nat({ max: 10_000 }), { minLength: 300, maxLength: 400 }), { numRuns: 40, seed: 7 })
      .map(liveRun);
    const final = runs.map((r) => r.snapshots.at(-1)!);
    const passed = final.map((s) => Object.values(s.steps).filter((step) => step.status === 'passed').length);
    expect(Math.max(...passed)).toBeGreaterThanOrEqual(12);
    expect(final.some((s) => s.migrations.some((m) => m.dataType === 'historical'))).toBe(true);
    expect(runs.every((r) => r.refused > 0)).toBe(true);
  });
});
