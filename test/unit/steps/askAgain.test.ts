import { describe, expect, it } from 'vitest';
import { createSessionFolder } from '../../../electron/journal/sessionFolders.ts';
import { SessionJournal } from '../../../electron/journal/sessionJournal.ts';
import { runProcedureStep } from '../../../electron/steps/procedureRunner.ts';
import { StepContext } from '../../../electron/steps/stepContext.ts';
import { ScenarioBuilder } from '../../support/sessionScenario.ts';
import { useTempDirs } from '../../support/tempDir.ts';
import { Hands, TrainingTechnician } from '../../support/trainingTechnician.ts';

const tempDir = useTempDirs();

/** What a person can fix by typing again is asked again, with the reason; it never fails the step. */
describe('a malformed answer', () => {
  it('P3b asks again for a cut-off typed as "tomorrow 7am", and passes with the corrected one', async () => {
    const journal = await SessionJournal.open(
      await createSessionFolder(await tempDir(), 'Ask', '2026-12-02'),
    );
    const scenario = new ScenarioBuilder().created();
    scenario.completeStep('P1');
    for (const event of scenario.events) await journal.append(event);
    const answers = ['tomorrow 7am', ' 2026-11-24T07:00:00+01:00[Europe/Paris] '];
    const lengths = ['four hours', '4:30'];
    const trainee = new TrainingTechnician(new Hands(() => Promise.reject(new Error('no hands here'))));
    trainee.answerFirst((question) =>
      question.startsWith('Cut-off time')
        ? (answers.shift() ?? null)
        : question.startsWith('How long may the outage window last')
          ? (lengths.shift() ?? null)
          : null,
    );
    const run = await runProcedureStep(
      new StepContext('P3b', journal, () => Promise.reject(new Error('no servers')), trainee),
    );
    expect(run.status).toBe('passed');
    const cutOff =
      "Cut-off time on the upgrade day, on the site's clock (e.g. 2026-11-24T07:00:00+01:00[Europe/Paris])?";
    const outage =
      'How long may the outage window last, from the busy-out on ORIG to data collection verified on NEW (hours:minutes, e.g. 4:00)?';
    expect(trainee.questions.map((q) => q.question)).toEqual([
      cutOff,
      `${cutOff} ("tomorrow 7am" is not a date and time like 2026-11-24T07:00:00+01:00[Europe/Paris]: try again.)`,
      outage,
      `${outage} ("four hours" is not a length between 0:15 and 48:00: try again.)`,
    ]);
    expect(journal.state.cutOff).toBe('2026-11-24T06:00:00.000Z');
    expect(journal.state.siteTimeZone).toBe('Europe/Paris');
    expect(journal.state.outagePlannedMinutes).toBe(270);
    await journal.close();
  });
});

/** A run after a failure asks again only what the failure may have changed. */
describe('a step run again', () => {
  it("keeps P1's lasting confirmation from the failed attempt and asks only what was not confirmed", async () => {
    const journal = await SessionJournal.open(
      await createSessionFolder(await tempDir(), 'Again', '2026-12-02'),
    );
    for (const event of new ScenarioBuilder().created().events) await journal.append(event);
    const trainee = new TrainingTechnician(new Hands(() => Promise.reject(new Error('no hands here'))));
    const allow = trainee.refuseConfirmation((text) => text.startsWith('Every switch is administered'));
    const run = () =>
      runProcedureStep(
        new StepContext('P1', journal, () => Promise.reject(new Error('no servers')), trainee),
      );
    expect((await run()).status).toBe('failed');
    allow();
    const asked = trainee.confirmations.length;
    expect((await run()).status).toBe('passed');
    expect(trainee.confirmations.slice(asked)).toEqual(['P1:switch-admin-current-cms']);
    expect(trainee.told).toContain(
      'Kept from attempt 1, not asked again: Every switch runs Release 8.1 or later.',
    );
    expect(journal.state.steps.P1.checkedItems).toEqual(['switch-release', 'switch-admin-current-cms']);
    await journal.close();
  });
});
