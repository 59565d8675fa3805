// Lint, including the architecture's import rules: which folder (room) may
// import which. These rules are the enforcement, not a convention; each
// message says what to do instead. docs/ARCHITECTURE.md explains the rooms.
// eslint.rooms.test.ts proves each rule fails on a deliberate violation.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const NODE_BUILTINS = [
  'node:*', 'fs', 'fs/*', 'path', 'os', 'crypto', 'http', 'https', 'net', 'child_process',
  'worker_threads', 'stream', 'url', 'util', 'events', 'zlib', 'process', 'buffer',
];

/** A relative import that climbs to a sibling room of these names and reaches into it. */
const into = (...folders) => `^(\\.\\./)+(${folders.join('|')})/`;
/** A relative import of such a sibling room itself (its index) or anything in it. */
const intoOrFace = (...folders) => `^(\\.\\./)+(${folders.join('|')})(/|$)`;

// The renderer's screens and features, each a folder that shows its face to
// other features only through its index.ts.
const FEATURES = ['library', 'reader', 'compare', 'coverage', 'codebook', 'table', 'search', 'exchange', 'recovery', 'drift', 'agreement', 'copies', 'people'];

const TOOLS = {
  regex: '^(\\.\\./)+tools/',
  message: 'Product code never imports the crash-test tooling or test support in tools/ (tests may).',
};

/** Files under `dir`, tests excluded unless `withTests`. */
const filesOf = (dir, withTests = false) => ({
  files: [`${dir}/**/*.ts`, `${dir}/**/*.tsx`],
  ...(withTests ? {} : { ignores: [`${dir}/**/*.test.ts`, `${dir}/**/*.test.tsx`] }),
});

/**
 * no-restricted-imports for a set of files. Flat config replaces a rule's
 * options per file rather than merging them, so every block that applies to a
 * file states all of that file's patterns (the layer's and the room's).
 */
const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

// Layer rules: which src/ folder may import which.
const SHARED = [
  { group: ['**/main/**', '**/preload/**', '**/host/**', '**/renderer/**'], message: 'src/shared imports nothing of the other src folders.' },
  { group: ['electron', 'electron/*', 'react', 'react-dom', 'react/*', 'react-dom/*', '@tiptap/*', 'lowdb', 'lowdb/*', ...NODE_BUILTINS], message: 'src/shared is pure TypeScript: no Node, DOM, Electron or React.' },
];
const RENDERER = [
  { group: ['**/main/**', '**/host/**', '**/preload/**'], message: 'The renderer talks only to the contract in src/shared.' },
  { group: ['electron', 'electron/*', 'lowdb', 'lowdb/*', ...NODE_BUILTINS], message: 'The renderer never imports Node or Electron.' },
];
const MAIN = [
  { group: ['electron', 'electron/*'], message: 'Electron imports stay in src/main/desktop (the glue) and src/main/index.ts.' },
  { group: ['**/renderer/**', '**/host/**', '**/preload/**'], message: 'The Node core does not import the transports or the UI.' },
];

const featureRules = FEATURES.map((feature) => ({
  ...filesOf(`src/renderer/${feature}`),
  rules: restrict([
    ...RENDERER,
    {
      regex: into(...FEATURES.filter((f) => f !== feature)),
      message: `A feature uses another feature only through its face (import '../reader', not '../reader/ArticleView'); export what it needs from that feature's index.ts, or move shared pieces to components/ or data/.`,
    },
  ]),
}));

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

  // ── src/shared: pure TypeScript ───────────────────────────────────────────
  {
    files: ['src/shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: restrict(SHARED),
  },
  {
    // The model is the ground floor: it knows no contract, format or feature of shared.
    ...filesOf('src/shared/model'),
    rules: restrict([
      ...SHARED,
      { regex: into('contract', 'formats', 'crossArticle', 'quotes', 'alignment', 'search', 'codebook'), message: 'src/shared/model is the ground floor: it imports nothing else of shared (move the piece that needs more up to the room that uses it).' },
    ]),
  },
  {
    // Algorithms never depend on the contract or on file formats.
    files: ['src/shared/{anchoring,quotes,alignment}/**/*.ts'],
    ignores: ['src/shared/**/*.test.ts'],
    rules: restrict([
      ...SHARED,
      { regex: into('contract', 'formats'), message: 'Anchoring, quotes and alignment are algorithms over texts: they import the model, never the contract or a file format (the contract and the formats use them).' },
    ]),
  },

  // ── src/renderer: React + Tiptap, talks only to the contract ──────────────
  {
    files: ['src/renderer/**/*.ts', 'src/renderer/**/*.tsx'],
    languageOptions: { globals: { ...globals.browser } },
    rules: restrict(RENDERER),
  },
  ...featureRules,
  {
    ...filesOf('src/renderer/editor'),
    rules: restrict([
      ...RENDERER,
      { regex: intoOrFace(...FEATURES, 'app'), message: 'editor/ holds the ProseMirror extensions: it imports no screen or feature and not the app shell; pass what it needs in as options.' },
      { regex: '^(\\.\\./)+components/[A-Z]', caseSensitive: true, message: 'editor/ imports no React component (only plain helpers of components/, such as tagTint).' },
    ]),
  },
  {
    ...filesOf('src/renderer/components'),
    rules: restrict([
      ...RENDERER,
      { regex: intoOrFace(...FEATURES, 'app', 'data', 'editor', 'api'), message: 'components/ holds small shared UI pieces: they get data through props, never from a feature, the app shell, data hooks, the editor or the API.' },
    ]),
  },
  {
    files: ['src/renderer/{api,data}/**/*.ts'],
    ignores: ['src/renderer/**/*.test.ts'],
    rules: restrict([
      ...RENDERER,
      { regex: intoOrFace(...FEATURES, 'editor', 'components'), message: 'api/ and data/ serve every screen: they import no feature, editor extension or component.' },
    ]),
  },

  // ── src/host: the HTTP transport ──────────────────────────────────────────
  {
    files: ['src/host/**/*.ts'],
    rules: restrict([
      { group: ['electron', 'electron/*', '**/main/desktop/**', '**/main/index', '**/preload/**', '**/renderer/**'], message: 'The browser host never imports Electron, the desktop glue or the renderer.' },
      { ...TOOLS },
    ]),
  },

  // ── src/main: the Node core ───────────────────────────────────────────────
  {
    ...filesOf('src/main'),
    ignores: ['src/main/desktop/**', 'src/main/index.ts', 'src/main/**/*.test.ts'],
    rules: restrict([...MAIN, { ...TOOLS }]),
  },
  {
    // The core's tests may use tools/testSupport, but Electron stays in the glue.
    files: ['src/main/**/*.test.ts'],
    ignores: ['src/main/desktop/**'],
    rules: restrict(MAIN),
  },
  {
    ...filesOf('src/main/core'),
    rules: restrict([
      ...MAIN,
      { ...TOOLS },
      { regex: into('cli'), message: 'The core never imports the CLI: the CLI is one of the core\'s clients, like the host and the desktop glue.' },
    ]),
  },
  {
    files: ['src/main/{store,safety,import,export,alignment,quotes,rendererFiles,sync}/**/*.ts'],
    ignores: ['src/main/**/*.test.ts'],
    rules: restrict([
      ...MAIN,
      { ...TOOLS },
      { regex: into('core', 'cli'), message: 'The store, safety, import, export, alignment, quotes, rendererFiles and sync rooms sit under the core: they never import core/ or cli/ (the core calls them).' },
    ]),
  },
  {
    // desktop glue: Electron lives here, but it is a transport like the host: neither imports the other.
    files: ['src/main/desktop/**/*.ts', 'src/main/index.ts'],
    ignores: ['src/main/**/*.test.ts'],
    rules: restrict([
      { group: ['**/renderer/**', '**/host/**', '**/preload/**'], message: 'The desktop glue uses the Node core and the contract, not the other transports or the UI.' },
      { ...TOOLS },
    ]),
  },
  {
    // preload: only the contract and Electron's contextBridge / ipcRenderer.
    files: ['src/preload/**/*.ts'],
    rules: restrict([
      { group: ['**/main/**', '**/host/**', '**/renderer/**', ...NODE_BUILTINS], message: 'The preload exposes the contract only.' },
    ]),
  },
  {
    // Code that walks the whole corpus: a spread passes every element as an argument on the stack, and over
    // 100,000 articles' passages or quotes it throws "Maximum call stack size exceeded" (issue 20).
    files: ['src/shared/{alignment,quotes,crossArticle}/**/*.ts', 'src/main/{core,cli,alignment,quotes,store,export}/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...[
          "CallExpression[callee.object.name='Math'][callee.property.name=/^(max|min)$/] > SpreadElement",
          'CallExpression[callee.property.name=/^(push|unshift)$/] > SpreadElement',
        ].map((selector) => ({
          selector,
          message: 'No spread into call arguments here: over a corpus-sized array it overflows the stack (issue 20). Use a loop (for … of with push, or reduce for a maximum).',
        })),
      ],
    },
  },
);
