// Lint rules: typescript-eslint's recommended set, plus the layer rule of docs/architecture.md
// (who may import whom) and no import cycles. Generated bindings are checked by their freshness
// test instead.
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');
const importX = require('eslint-plugin-import-x');
const { createTypeScriptImportResolver } = require('eslint-import-resolver-typescript');

/** Leaf modules of lib/ that import nothing from lib/ and that every layer may import. */
const LEAVES = ['command-line'];

/** Each layer of lib/ and the lib/ folders it may import besides itself (and the leaves). */
const LAYERS = {
  'command-line': [],
  domain: [],
  tfplugin: [],
  oos: ['domain'],
  emulator: ['domain'],
  provider: ['domain', 'tfplugin', 'oos'],
  pipeline: ['domain'],
  adoption: ['domain', 'oos'],
  constructs: ['domain'],
  release: ['domain', 'tfplugin'],
  tooling: ['domain', 'tfplugin', 'oos', 'emulator', 'provider', 'release', 'pipeline'],
};

const layerZones = Object.entries(LAYERS).map(([layer, below]) => {
  const allowed = LEAVES.includes(layer) ? below : [...below, ...LEAVES];
  return {
    target: `./lib/${layer}`,
    from: './lib',
    except: [`./${layer}`, ...allowed.map((other) => `./${other}`)],
    message: `lib/${layer} may import only ${['itself', ...allowed.map((other) => `lib/${other}`)].join(', ')} (docs/architecture.md).`,
  };
});
/** The library never reaches up into the app, its scripts or its tests. */
const appZones = ['./main.ts', './config', './scripts', './bench', './__tests__'].map((from) => ({
  target: './lib',
  from,
  message: 'lib/ is the reusable library: it may not import the app, scripts, benchmarks or tests.',
}));

/**
 * The plugin kit's one public entry: outside lib/tfplugin, code imports `lib/tfplugin` (its
 * index.ts) and never a file inside it; lib/tfplugin/protocol above all stays private.
 */
const KIT_ENTRY_MESSAGE =
  'Import the plugin kit through its public entry (lib/tfplugin, i.e. its index.ts), not a file inside it: lib/tfplugin/protocol is private. Tests and benchmarks use its `testing` export (docs/architecture.md).';
/** Tests and benchmarks use the library, never a command's script: scripts/ holds only mains. */
const scriptZones = ['./__tests__', './bench'].map((target) => ({
  target,
  from: './scripts',
  message: "scripts/ holds only the commands' mains: import the code they call from lib/ (docs/architecture.md).",
}));

module.exports = tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'cdktf.out/**', '.chatops/**', '.gen/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.js'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', process: 'readonly', console: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.test.json' })],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/extensions': ['.ts', '.js'],
    },
    rules: {
      '@typescript-eslint/no-require-imports': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'import-x/no-restricted-paths': ['error', { zones: [...layerZones, ...appZones, ...scriptZones] }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    // Inside lib/, the kit is the sibling folder `tfplugin`.
    files: ['lib/**/*.ts'],
    ignores: ['lib/tfplugin/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [{ group: ['**/tfplugin/*'], message: KIT_ENTRY_MESSAGE }] }],
    },
  },
  {
    // A provider's main imports only `serve` (lib/tfplugin/serve.ts), the kit's second entry: the
    // whole index would load the kit's codecs before the handshake, at every provider start.
    files: ['lib/*/main.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [{ group: ['**/tfplugin/*', '!**/tfplugin/serve'], message: KIT_ENTRY_MESSAGE }] }],
    },
  },
  {
    // Elsewhere it is `lib/tfplugin` (the tests of the kit live in __tests__/tfplugin, which is not it).
    files: ['**/*.ts'],
    ignores: ['lib/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [{ group: ['**/lib/tfplugin/*'], message: KIT_ENTRY_MESSAGE }] }],
    },
  },
  {
    files: ['bench/*-provider-main.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/lib/tfplugin/*', '!**/lib/tfplugin/serve'], message: KIT_ENTRY_MESSAGE }] },
      ],
    },
  },
);
