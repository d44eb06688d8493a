// ESLint holds the architecture: lib/ is the pure browser core, components/ the
// UI and the background's parts on it (components/background/, the service
// worker's own: no UI in it, no page imports it), entrypoints/ the thin shell,
// cli/ the Node-only command. Recommended rules only, without type information,
// so the lint stays fast.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { importX, createNodeResolver } from 'eslint-plugin-import-x';
import globals from 'globals';

const upward = (dir) => ({ regex: `(^|/)${dir}/`, message: `lib/ is the browser core: it imports nothing from ${dir}/.` });
const notEntrypoints = { regex: '(^|/)entrypoints/', message: 'components/ is UI: the entrypoints wire it, not the other way.' };
const notBackground = { regex: '(^|/)background/', message: "components/background/ is the service worker's: a page does not import it." };

export default tseslint.config(
  { ignores: ['node_modules/', '.output/', '.wxt/', 'dist/', 'test/fixtures/', 'stats.html'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] })],
    },
    rules: {
      // Value cycles, in the editor. import-x skips type-only imports by design, so
      // scripts/check-graph.mjs also fails on any cycle, type-only edges included.
      'import-x/no-cycle': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    files: ['scripts/**', 'cli/**', 'bench/**', 'test/**', '*.config.*'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // Tests feed deliberately ill-typed values (junk records, hostile messages) to code that must survive them.
    files: ['test/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['lib/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'linkedom', message: 'lib/ runs in the browser: linkedom belongs in cli/.' }],
          patterns: [
            upward('components'),
            upward('entrypoints'),
            { regex: '^(\\.\\./)+cli/', message: 'lib/ is the browser core: the CLI builds on it, not the other way.' },
            { regex: '^node:', message: 'lib/ runs in the browser: Node built-ins belong in cli/ or scripts/.' },
          ],
        },
      ],
    },
  },
  {
    files: ['components/**'],
    ignores: ['components/background/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [notEntrypoints, notBackground] }] },
  },
  {
    files: ['components/background/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            notEntrypoints,
            { regex: '^preact', message: 'components/background/ runs in the service worker: no UI.' },
            { regex: '(^\\.\\./|(^|/)components/)(popup|options|inpage|common)/', message: 'components/background/ runs in the service worker: no UI.' },
          ],
        },
      ],
    },
  },
  {
    files: ['components/popup/**', 'entrypoints/popup/**', 'lib/popup/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'zod', message: "The popup uses zod/mini only (import * as z from 'zod/mini'): the classic build doubles its size." }],
          patterns: [notEntrypoints, notBackground],
        },
      ],
    },
  },
);
