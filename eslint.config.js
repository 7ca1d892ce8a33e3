// @ts-check
import js from '@eslint/js'
import pluginQuery from '@tanstack/eslint-plugin-query'
import { createNodeResolver, importX } from 'eslint-plugin-import-x'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

// The one-way imports of docs/architecture: contract ← server, contract ← web, lib ← server and
// simulator; only server/upstream knows the provider. A wrong import fails lint instead of waiting for review.
const layerZones = [
  {
    target: './src/web',
    from: ['./src/server', './src/simulator'],
    message: 'The web app talks to the BFF over /api; share types through src/contract.',
  },
  {
    target: './src/server',
    from: './src/web',
    message: 'The server never imports web code; share types through src/contract.',
  },
  {
    target: './src/simulator',
    from: ['./src/server', './src/web'],
    message: 'The simulator stands alone: it may use src/contract, never the BFF or the web app.',
  },
  {
    target: './src/lib',
    from: ['./src/server', './src/web', './src/simulator', './src/contract'],
    message: 'src/lib holds small Node helpers shared by the server and the simulator; it depends on neither.',
  },
  {
    target: './src/web',
    from: './src/lib',
    message: 'src/lib is Node-only (processes, crypto): the browser cannot run it.',
  },
  {
    target: './src/contract',
    from: ['./src/server', './src/web', './src/simulator'],
    message: 'src/contract is the shared spine: it imports zod/mini and itself, nothing else.',
  },
]

/** Files that may import devDependencies: tests, test helpers, tooling, build and lint configs. */
const DEV_ONLY_FILES = [
  '**/*.test.{ts,tsx}',
  '**/testing/**',
  'e2e/**',
  'scripts/**',
  '*.config.{ts,js}',
]

/** The provider SDK (and its subpaths) kept out of a layer. */
function withoutOpenAI(message) {
  return { paths: [{ name: 'openai', message }], patterns: [{ group: ['openai/*'], message }] }
}

/**
 * One zod flavour: zod/mini, whose functions tree-shake, so the browser ships only the checks it
 * uses (the classic build carries all of zod and its JSON Schema support). Node code takes `z`
 * from src/lib/zod.ts, which also loads zod's English messages (zod/mini loads none).
 */
const ZOD_CLASSIC = ['zod', 'zod/v3', 'zod/v4', 'zod/v4/classic']
const withoutClassicZod = {
  paths: ZOD_CLASSIC.map((name) => ({ name, message: 'Use zod/mini, the one zod flavour here.' })),
  patterns: [],
}
const withoutZodMini = {
  paths: ['zod/mini', 'zod/v4/mini', 'zod/v4-mini'].map((name) => ({
    name,
    message: "Node code imports { z } from src/lib/zod.ts: the same zod/mini, with zod's English messages.",
  })),
  patterns: [],
}

/** no-restricted-imports with every given list of paths and patterns (one rule per file applies). */
function restrictedImports(...lists) {
  return [
    'error',
    { paths: lists.flatMap((l) => l.paths), patterns: lists.flatMap((l) => l.patterns) },
  ]
}

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'dist-server/',
      'node_modules/',
      'data/',
      '.sim-data/',
      'playwright-report/',
      'test-results/',
      'coverage/',
    ],
  },
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      ecmaVersion: 2023,
      globals: { ...globals.node },
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [
        createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.json'] }),
      ],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: layerZones }],
      // Every import is a declared package: the app's own code uses `dependencies` only, so
      // `npm install --omit=dev` runs it; tests, tooling and scripts may use devDependencies too.
      'import-x/no-extraneous-dependencies': [
        'error',
        { devDependencies: DEV_ONLY_FILES, optionalDependencies: false, peerDependencies: false },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      // `import { type A } from 'm'` still runs module m (verbatimModuleSyntax keeps the import):
      // in the browser that built every zod schema of the contract for a type (decision 011).
      '@typescript-eslint/no-import-type-side-effects': 'error',
    },
  },
  {
    files: ['src/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    ...reactHooks.configs.flat['recommended-latest'],
  },
  ...pluginQuery.configs['flat/recommended'].map((config) => ({
    ...config,
    files: ['src/web/**/*.{ts,tsx}'],
  })),
  {
    files: ['src/web/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': restrictedImports(
        withoutOpenAI('The browser never holds a provider key or SDK.'),
        withoutClassicZod,
      ),
    },
  },
  {
    files: ['src/server/upstream/**/*.ts', 'src/simulator/**/*.ts', 'src/lib/**/*.ts', 'scripts/**/*.ts', 'e2e/**/*.ts'],
    ignores: ['src/lib/zod.ts'],
    rules: { 'no-restricted-imports': restrictedImports(withoutClassicZod, withoutZodMini) },
  },
  {
    files: ['src/server/**/*.ts'],
    ignores: ['src/server/upstream/**'],
    rules: {
      'no-restricted-imports': restrictedImports(
        withoutOpenAI('Only src/server/upstream/ calls the provider; go through its adapter.'),
        withoutClassicZod,
        withoutZodMini,
      ),
    },
  },
  {
    // Besides the zones above: no package but zod/mini, no Node built-ins, nothing outside itself.
    files: ['src/contract/**/*.ts'],
    ignores: ['src/contract/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!(zod/mini|\\./.+)$)',
              message: 'src/contract imports only zod/mini and its own files.',
            },
          ],
        },
      ],
    },
  },
  {
    // Plain JS config files are not in tsconfig: lint them without type information.
    files: ['**/*.{js,mjs,cjs}'],
    ...tseslint.configs.disableTypeChecked,
  },
)
