// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** DESIGN.md's import rules, as lint errors. */
const SHELL_FILES = ['electron/main.ts', 'electron/preload.ts', 'electron/ipc*.ts'];
const electronModule = {
  name: 'electron',
  message:
    "Only the shell files (electron/main.ts, preload.ts, ipc*.ts) may import 'electron'; the core runs under plain Node.",
};
const ssh2Module = {
  name: 'ssh2',
  message:
    'Import ssh2 through electron/ssh/ssh2.ts: the DH group fallback must be installed before ssh2 loads.',
};
const nodeBuiltins = {
  group: ['node:*', 'fs', 'fs/*', 'path', 'crypto', 'child_process', 'os', 'net', 'stream', 'ssh2'],
  message: 'shared/ and renderer/ also run in the sandboxed renderer: no Node modules here.',
};

export const importRules = [
  {
    files: ['shared/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronModule],
          patterns: [
            {
              group: ['**/electron/**', '**/electron', '**/renderer/**', '**/renderer'],
              message: 'shared/ imports neither electron/ nor renderer/.',
            },
            nodeBuiltins,
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/vite.config.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronModule],
          patterns: [
            {
              group: ['**/electron/**', '**/electron'],
              message: 'renderer/ never imports electron/; use the preload API.',
            },
            nodeBuiltins,
          ],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: SHELL_FILES,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronModule, ssh2Module],
          patterns: [
            { group: ['**/renderer/**'], message: 'The main process does not import the renderer.' },
          ],
        },
      ],
    },
  },
];

const ssh2Door = {
  files: ['electron/ssh/ssh2.ts'],
  rules: { 'no-restricted-imports': ['error', { paths: [electronModule] }] },
};

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', 'renderer/dist/', 'release/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // A promise whose failure matters is awaited or handled, never dropped: these rules need the types.
    files: ['**/*.{ts,tsx}'],
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.json', './renderer/tsconfig.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': ['error', { ignoreVoid: false }],
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
    },
  },
  {
    // The window dispatches store actions with `void`: every action ends in the store (`attempt`
    // turns a failure into the error the window shows), so none can reject unseen.
    files: ['renderer/src/**/*.{ts,tsx}'],
    rules: { '@typescript-eslint/no-floating-promises': ['error', { ignoreVoid: true }] },
  },
  ...importRules,
  ssh2Door,
);
