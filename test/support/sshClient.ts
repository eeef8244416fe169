import { HostKeyPins } from '../../electron/ssh/hostKeyPins.ts';
import {
  SshConnection,
  type SshCredentials,
  type TechnicianQuestions,
} from '../../electron/ssh/sshConnection.ts';

export interface RecordedQuestions extends TechnicianQuestions {
  hostKeyQuestions: { host: string; port: number; algorithm: string; fingerprint: string }[];
  promptQuestions: { instructions: string; prompts: { prompt: string; echo: boolean }[] }[];
}

/** A technician who confirms host keys and answers prompts with `answers`, keeping a record of what was asked. */
export function technician(
  answers: string[] | null = null,
  options: { confirm?: boolean; delayMs?: number } = {},
): RecordedQuestions {
  const recorded: RecordedQuestions = {
    hostKeyQuestions: [],
    promptQuestions: [],
    confirmHostKey: async (request) => {
      recorded.hostKeyQuestions.push(request);
      return options.confirm ?? true;
    },
    answerPrompts: async (request) => {
      recorded.promptQuestions.push({ instructions: request.instructions, prompts: request.prompts });
      if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
      return answers;
    },
  };
  return recorded;
}

export function connect(
  port: number,
  user: string,
  credentials: SshCredentials,
  options: { legacy?: boolean; pins?: HostKeyPins; questions?: TechnicianQuestions; timeoutMs?: number } = {},
): Promise<SshConnection> {
  return SshConnection.connect({
    target: { host: '127.0.0.1', port, user, legacyAlgorithms: options.legacy ?? true },
    credentials,
    questions: options.questions ?? technician(),
    pins: options.pins ?? new HostKeyPins(),
    timeoutMs: options.timeoutMs,
  });
}
