import { unrecognised, type Unrecognised } from './parseResult.ts';

/**
 * `locale` with no arguments, as POSIX specifies it (the locale utility): one `NAME=value` line for
 * LANG, each LC_* category and LC_ALL, values quoted when they are implied rather than set.
 */
export type LocaleSettings = { kind: 'locale'; settings: Readonly<Record<string, string>> } | Unrecognised;

const SETTING = /^(LANG|LC_[A-Z]+)=(.*)$/;

export function parseLocale(output: string): LocaleSettings {
  const lines = output
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  if (lines.length === 0) return unrecognised(output, 'locale printed nothing');
  const settings: Record<string, string> = {};
  for (const line of lines) {
    const match = SETTING.exec(line);
    if (!match) return unrecognised(output, `a line is not NAME=value: ${line.slice(0, 120)}`);
    settings[match[1]!] = match[2]!.replace(/^"(.*)"$/, '$1');
  }
  if (!('LANG' in settings)) return unrecognised(output, 'no LANG line');
  return { kind: 'locale', settings };
}
