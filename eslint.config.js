// Lint with zero warnings. The layer rules of ARCHITECTURE.md are enforced here.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { readdirSync } from 'node:fs';

const impureForDomain = [
  { group: ['react', 'react-dom', 'react/*', 'react-dom/*'], message: 'domain/ is pure TypeScript: no React.' },
  { group: ['zustand', 'zustand/*'], message: 'domain/ is pure: no store.' },
  { group: ['dexie', 'dexie-react-hooks'], message: 'domain/ is pure: no database.' },
  { group: ['vis-timeline', 'vis-timeline/*', 'vis-data', 'jspdf', '@dnd-kit/*'], message: 'domain/ is pure: adapters live in features/.' },
  { group: ['electron', 'node:*'], message: 'domain/ runs anywhere: no electron or node.' },
  { group: ['**/db/**', '**/features/**', '**/app/**', '**/shared/**', '**/lib/**'], message: 'domain/ imports only domain/.' },
];

// What every renderer file outside db/ may not import (repeated below: a later block replaces a rule).
const rendererPaths = [
  { name: 'electron', message: 'The renderer never imports electron; use lib/desktop.ts.' },
  { name: 'dexie', message: 'Only renderer/db touches Dexie; call a repository.' },
];
const rendererPatterns = [
  { group: ['node:*'], message: 'The renderer runs in a browser sandbox: no node modules.' },
  { group: ['**/db/schema', '**/db/unit-of-work'], message: 'Call a repository, not the tables.' },
];

// Features do not import each other: what two screens share lives in shared/ or domain/. The
// workshop shell and presenter mode compose screens, so they may import them.
const COMPOSING_FEATURES = ['workshops', 'presenter'];
const featureBlocks = readdirSync(new URL('./renderer/features', import.meta.url), { withFileTypes: true })
  .filter((d) => d.isDirectory() && !COMPOSING_FEATURES.includes(d.name))
  .map((d) => ({
    files: [`renderer/features/${d.name}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: rendererPaths,
          patterns: [
            ...rendererPatterns,
            { group: ['../*/**', '!../../**', `!../${d.name}/**`], message: `features/${d.name} does not import another feature: share through shared/ or domain/.` },
          ],
        },
      ],
    },
  }));

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'reports/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer never imports electron; use lib/desktop.ts.' }],
          patterns: [{ group: ['node:*'], message: 'The renderer runs in a browser sandbox: no node modules.' }],
        },
      ],
    },
  },
  {
    // Only repositories (and the schema/unit-of-work they are built on) touch Dexie tables.
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/db/**'],
    rules: { 'no-restricted-imports': ['error', { paths: rendererPaths, patterns: rendererPatterns }] },
  },
  ...featureBlocks,
  {
    // app/ is the composition root's plumbing (store, router, persistence): it never reaches into a screen.
    files: ['renderer/app/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: rendererPaths, patterns: [...rendererPatterns, { group: ['**/features/**'], message: 'app/ does not import features; wire them in App.tsx or shortcuts.ts.' }] },
      ],
    },
  },
  {
    files: ['renderer/domain/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: impureForDomain }] },
  },
  {
    files: ['electron/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/renderer/**'], message: 'Electron code never imports the renderer.' }] },
      ],
    },
  },
  {
    files: ['electron/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'node:*', 'fs', 'path'], message: 'electron/shared is plain TS used by both processes.' },
            { group: ['**/renderer/**'], message: 'Electron code never imports the renderer.' },
          ],
        },
      ],
    },
  },
  {
    files: ['test/**/*.{ts,tsx}', 'scripts/**/*.{js,mjs,ts}', '*.config.{ts,js}'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
