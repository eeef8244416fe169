import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The snippets below are files of no TypeScript project: the rules that need type information are off
// for them (they are checked on the real files by `npm run lint`).
const eslint = new ESLint({
  cwd: fileURLToPath(new URL('../..', import.meta.url)),
  overrideConfig: {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { project: false } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'off',
      '@typescript-eslint/no-misused-promises': 'off',
      '@typescript-eslint/await-thenable': 'off',
    },
  },
});

async function importErrors(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe("DESIGN.md's import rules, enforced by ESLint", () => {
  it('keeps shared/ free of electron/, renderer/, the electron module and Node modules', async () => {
    expect(
      await importErrors('shared/x.ts', "import { a } from '../electron/journal/x.ts';\nexport { a };\n"),
    ).not.toEqual([]);
    expect(
      await importErrors('shared/x.ts', "import { a } from '../renderer/src/x.ts';\nexport { a };\n"),
    ).not.toEqual([]);
    expect(
      await importErrors('shared/x.ts', "import { app } from 'electron';\nexport { app };\n"),
    ).not.toEqual([]);
    expect(await importErrors('shared/x.ts', "import fs from 'node:fs';\nexport { fs };\n")).not.toEqual([]);
    expect(await importErrors('shared/x.ts', "import { z } from 'zod';\nexport { z };\n")).toEqual([]);
  });

  it('keeps renderer/ away from electron/ and the electron module', async () => {
    expect(
      await importErrors('renderer/src/x.ts', "import { a } from '../../electron/cli.ts';\nexport { a };\n"),
    ).not.toEqual([]);
    expect(
      await importErrors(
        'renderer/src/x.ts',
        "import { ipcRenderer } from 'electron';\nexport { ipcRenderer };\n",
      ),
    ).not.toEqual([]);
    expect(
      await importErrors('renderer/src/x.ts', "import { a } from '../../shared/x.ts';\nexport { a };\n"),
    ).toEqual([]);
  });

  it("lets only the shell files import the 'electron' module", async () => {
    const source = "import { app } from 'electron';\nexport { app };\n";
    expect(await importErrors('electron/journal/x.ts', source)).not.toEqual([]);
    expect(await importErrors('electron/main.ts', source)).toEqual([]);
    expect(await importErrors('electron/preload.ts', source)).toEqual([]);
    expect(await importErrors('electron/ipcHandlers.ts', source)).toEqual([]);
  });

  it('lets only electron/ssh/ssh2.ts import ssh2, so the DH group fallback always loads first', async () => {
    const source = "import ssh2 from 'ssh2';\nexport { ssh2 };\n";
    expect(await importErrors('electron/steps/x.ts', source)).not.toEqual([]);
    expect(await importErrors('electron/ssh/ssh2.ts', source)).toEqual([]);
  });
});
