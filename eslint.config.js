import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

// Only these thin shell files may touch Electron; everything else is plain Node or
// browser code that runs under vitest and in the harness.
const ELECTRON_SHELL = [
  'electron/main/index.ts',
  'electron/main/window.ts',
  'electron/main/tray.ts',
  'electron/main/ipc.ts',
  'electron/main/desktop.ts',
  'electron/preload/**/*.ts',
];

const noElectron = {
  paths: [{ name: 'electron', message: 'Only electron/main/{index,window,tray,ipc,desktop}.ts and the preload may import electron.' }],
  patterns: [{ group: ['electron/*'], message: 'Only the Electron shell files may import electron.' }],
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'release/**', 'node_modules/**', 'tests/artifacts/**', '.bench-cache/**', 'tmp-*/**', '.bench-tmp/**', '.electron-native/**', 'electron/main/services/db/migrations/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{js,cjs,mjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
  },
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-imports': ['error', noElectron],
    },
  },
  {
    files: ELECTRON_SHELL,
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // Tests may fake Electron with vi.mock for the shell files (DESIGN.md section 6).
    files: ['tests/unit/electron/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: noElectron.paths,
          patterns: [
            ...noElectron.patterns,
            { group: ['node:*'], message: 'renderer/ and shared/ run without Node APIs.' },
            { group: ['**/electron/**'], message: 'renderer/ and shared/ may not import main-process code.' },
          ],
        },
      ],
    },
  },
);
