import type { TechnicianQuestions } from '../ssh/sshConnection.ts';

/**
 * What a connection asks the person at this terminal: a new host key's fingerprint, and login prompts,
 * which are read hidden. `probe` and `exec` refuse an unknown key unless --accept-new-host-key says
 * otherwise; `cms-ha run` can ask instead (`confirm`).
 */
export function terminalConnectionQuestions(options: {
  say: (text: string) => void;
  askHidden: (question: string) => Promise<string | null>;
  acceptNewHostKey: boolean;
  /** Standard input is a terminal: login prompts can be asked (piped input never answers them). */
  interactive: boolean;
  confirm?: (question: string) => Promise<boolean>;
}): TechnicianQuestions {
  const { say } = options;
  return {
    confirmHostKey: async ({ host, port, algorithm, fingerprint }) => {
      say(`Host key of ${host}:${port} is ${algorithm} ${fingerprint}\n`);
      if (options.acceptNewHostKey) {
        say('Pinned it (--accept-new-host-key).\n');
        return true;
      }
      if (options.confirm)
        return options.confirm('Is this the fingerprint the server administrator gave you?');
      say(
        'Not pinned: check this fingerprint with the server administrator, then run again with --accept-new-host-key.\n',
      );
      return false;
    },
    answerPrompts: async ({ instructions, prompts }) => {
      if (!options.interactive) {
        say('No terminal to ask the password on: use --password-env VAR or --identity FILE.\n');
        return null;
      }
      if (instructions) say(`${instructions}\n`);
      const answers: string[] = [];
      for (const prompt of prompts) {
        // A prompt the server says to echo (rare: a user name) is still read hidden: it costs nothing.
        const answer = await options.askHidden(prompt.prompt);
        if (answer === null) return null;
        answers.push(answer);
      }
      return answers;
    },
  };
}
