/** Every parser returns this: what it recognised, or the raw text and why it could not. Never a guess. */
export type Unrecognised = { kind: 'unrecognised'; reason: string; raw: string };

export function unrecognised(raw: string, reason: string): Unrecognised {
  return { kind: 'unrecognised', reason, raw };
}
