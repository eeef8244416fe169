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
    const answers = ['tomorrow 7am', ' 2026-11-24T07:00:00+01:00 '];
    const trainee = new TrainingTechnician(new Hands(() => Promise.reject(new Error('no hands here'))));
    trainee.answerFirst((question) =>
      question.startsWith('Cut-off time') ? (answers.shift() ?? null) : null,
    );
    const run = await runProcedureStep(
      new StepContext('P3b', journal, () => Promise.reject(new Error('no servers')), trainee),
    );
    expect(run.status).toBe('passed');
    expect(trainee.questions.map((q) => q.question)).toEqual([
      'Cut-off time on the upgrade day (e.g. 2026-11-24T07:00:00+01:00)?',
      'Cut-off time on the upgrade day (e.g. 2026-11-24T07:00:00+01:00)? ("tomorrow 7am" is not a date and time like 2026-11-24T07:00:00+01:00: try again.)',
    ]);
    expect(journal.state.cutOff).toBe('2026-11-24T06:00:00.000Z');
    await journal.close();
  });
});
