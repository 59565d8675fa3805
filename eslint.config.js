// Lint, including the architecture's import rules: which src/ folder may
// import which. These rules are the enforcement, not a convention.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const NODE_BUILTINS = [
  'node:*', 'fs', 'fs/*', 'path', 'os', 'crypto', 'http', 'https', 'net', 'child_process',
  'worker_threads', 'stream', 'url', 'util', 'events', 'zlib', 'process', 'buffer',
];

const restrict = (patterns) => ({
  'no-restricted-imports': ['error', { patterns }],
});

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // shared: pure TypeScript. Nothing of the other folders, no Node, DOM, Electron or React.
    files: ['src/shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: restrict([
      { group: ['**/main/**', '**/preload/**', '**/host/**', '**/renderer/**'], message: 'src/shared imports nothing of the other src folders.' },
      { group: ['electron', 'electron/*', 'react', 'react-dom', 'react/*', 'react-dom/*', '@tiptap/*', 'lowdb', 'lowdb/*', ...NODE_BUILTINS], message: 'src/shared is pure TypeScript: no Node, DOM, Electron or React.' },
    ]),
  },
  {
    // renderer: talks only to the contract; never main, host, preload, Node or Electron.
    files: ['src/renderer/**/*.ts', 'src/renderer/**/*.tsx'],
    languageOptions: { globals: { ...globals.browser } },
    rules: restrict([
      { group: ['**/main/**', '**/host/**', '**/preload/**'], message: 'The renderer talks only to the contract in src/shared.' },
      { group: ['electron', 'electron/*', 'lowdb', 'lowdb/*', ...NODE_BUILTINS], message: 'The renderer never imports Node or Electron.' },
    ]),
  },
  {
    // host: the HTTP transport. Uses the Node core, never Electron or its glue.
    files: ['src/host/**/*.ts'],
    rules: restrict([
      { group: ['electron', 'electron/*', '**/main/desktop/**', '**/main/index', '**/preload/**', '**/renderer/**'], message: 'The browser host never imports Electron, the desktop glue or the renderer.' },
    ]),
  },
  {
    // main core (everything outside the desktop glue): no Electron.
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/desktop/**', 'src/main/index.ts'],
    rules: restrict([
      { group: ['electron', 'electron/*'], message: 'Electron imports stay in src/main/desktop (the glue) and src/main/index.ts.' },
      { group: ['**/renderer/**', '**/host/**', '**/preload/**'], message: 'The Node core does not import the transports or the UI.' },
    ]),
  },
  {
    // desktop glue: Electron lives here, but it is a transport like the host: neither imports the other.
    files: ['src/main/desktop/**/*.ts', 'src/main/index.ts'],
    rules: restrict([
      { group: ['**/renderer/**', '**/host/**', '**/preload/**'], message: 'The desktop glue uses the Node core and the contract, not the other transports or the UI.' },
    ]),
  },
  {
    // preload: only the contract and Electron's contextBridge / ipcRenderer.
    files: ['src/preload/**/*.ts'],
    rules: restrict([
      { group: ['**/main/**', '**/host/**', '**/renderer/**', ...NODE_BUILTINS], message: 'The preload exposes the contract only.' },
    ]),
  },
);
