/**
 * ESLint (`npm run lint`, part of `npm test`): typescript-eslint's recommended rules (not the
 * type-checked set, so lint stays fast), fitted to this code base, and the import boundaries
 * of docs/architecture.md, enforced by `@typescript-eslint/no-restricted-imports`:
 *
 *   - workflows/ imports only @temporalio/workflow, @temporalio/common, workflows/, the pure
 *     modules libs/domain/rules, libs/temporal/workflow-ids and libs/temporal/search-attribute-keys,
 *     and activity *types* (`import type`);
 *   - libs/domain/rules imports nothing outside itself;
 *   - the libs/temporal modules that workflows import import only @temporalio/common;
 *   - libs/ never imports apps/ or workflows/.
 *
 * An "only these" list is written as deny patterns (regular expressions with a negative
 * lookahead for what is allowed). Relative paths carry no folder of their own, so the rules are
 * generated per folder depth: from workflows/stages/x.ts, `../booking` stays inside workflows/
 * and `../../libs/db/audit` leaves it. test/unit/lint-boundaries.spec.ts checks every case.
 */
const { defineConfig, globalIgnores } = require('eslint/config');
const tseslint = require('typescript-eslint');

/** Folder depths the boundary rules are generated for (workflows/stages/x.ts is depth 1). */
const MAX_DEPTH = 6;

/** `(?:\.\./){n}`: n steps up. */
const up = (n) => `(?:\\.\\./){${n}}`;

/** Climbing out of a folder from a file `depth` folders below it: `../` depth times, then `..` once more. */
const leaves = (depth) => `^${up(depth)}\\.\\.(?:/|$)`;

/** A package (anything that is not a relative path). */
const PACKAGE = '^(?!\\.\\.?(?:/|$))';

/** `./../x`, `a/../b`, `a/./b`: a relative path that is not written plainly, which the patterns could not read. */
const noncanonical = {
  regex: '^\\./\\.\\.?(?:/|$)|(?:^|/)(?!\\.\\.?/)[^/]+/\\.\\.?(?:/|$)',
  message: 'Write the relative path plainly (no ./ or ../ after its start), so the import boundaries can check it.',
};

const WORKFLOW_WHY =
  'Workflow code must be deterministic and is replayed in Temporal\'s sandbox: side effects (database, HTTP, Nest, the Temporal client, clocks, Node built-ins) live in activities.';

/** Import patterns refused in a workflows/ file `depth` folders below workflows/. */
function workflowPatterns(depth) {
  return [
    {
      regex: `${PACKAGE}(?!@temporalio/(?:workflow|common)(?:/|$))`,
      message: `${WORKFLOW_WHY} Of the packages, workflows import only @temporalio/workflow and @temporalio/common.`,
    },
    {
      regex: `^${up(depth + 1)}activities(?:/|$)`,
      allowTypeImports: true,
      message: `${WORKFLOW_WHY} Import activity types only (\`import type\`) and call them through proxyActivities.`,
    },
    {
      regex: `${leaves(depth)}(?!(?:workflows|activities|libs/domain/rules)(?:/|$)|libs/temporal/(?:workflow-ids|search-attribute-keys)$)`,
      message: `${WORKFLOW_WHY} Outside workflows/, workflows import only the pure modules libs/domain/rules, libs/temporal/workflow-ids and libs/temporal/search-attribute-keys.`,
    },
    noncanonical,
  ];
}

/** Import patterns refused in a libs/domain/rules file `depth` folders below it. */
function domainRulePatterns(depth) {
  const why = 'libs/domain/rules holds the pure business rules that workflows, activities and the API share: no framework, no I/O.';
  return [
    { regex: PACKAGE, message: `${why} It imports no package.` },
    { regex: leaves(depth), message: `${why} It imports nothing outside libs/domain/rules.` },
    noncanonical,
  ];
}

/** Import patterns refused in a libs/ file `depth` folders below libs/. */
function libPatterns(depth) {
  const toRoot = `^(?:${up(depth + 1)})?`;
  return [
    {
      regex: `${toRoot}apps(?:/|$)`,
      message: 'libs/ is shared by the API, the worker, the workflows and the scripts: it never imports apps/.',
    },
    {
      regex: `${toRoot}workflows(?:/|$)`,
      message: 'libs/ never imports workflows/: the arrow runs workflows → libs (shared definitions live in libs, e.g. libs/temporal/search-attribute-keys).',
    },
    noncanonical,
  ];
}

/** One config block per depth below `folder`, plus one that refuses every import deeper than MAX_DEPTH. */
function boundaries(name, folder, patternsAt) {
  const blocks = [];
  for (let depth = 0; depth <= MAX_DEPTH; depth += 1) {
    blocks.push({
      name: `creatorops/boundaries/${name}/depth-${depth}`,
      files: [`${folder}/${'*/'.repeat(depth)}*.ts`],
      rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: patternsAt(depth) }] },
    });
  }
  blocks.push({
    name: `creatorops/boundaries/${name}/too-deep`,
    files: [`${folder}/${'*/'.repeat(MAX_DEPTH + 1)}**/*.ts`],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ regex: '.', message: `Nested deeper than the import boundaries cover: raise MAX_DEPTH in eslint.config.js.` }] },
      ],
    },
  });
  return blocks;
}

module.exports = defineConfig(
  globalIgnores([
    'dist/**',
    'node_modules/**',
    '.tools/**',
    '.data/**',
    '.adminjs/**',
    'test-artifacts/**',
    'bench-results/**',
    'coverage/**',
    // Deliberate violations, for the tests of this configuration.
    'test/fixtures/lint/**',
  ]),

  {
    name: 'creatorops/files',
    files: ['**/*.ts', '**/*.tsx', '**/*.js'],
  },

  tseslint.configs.recommended,

  {
    name: 'creatorops/rules',
    rules: {
      // `_name` marks a value left out on purpose (rest siblings, unused parameters).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      // The typescript-eslint rule covers `import x = require()` and `import type` as well.
      'no-restricted-imports': 'off',
    },
  },

  {
    name: 'creatorops/commonjs',
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },

  {
    // Tests and scripts read JSON answers and poke at framework objects.
    name: 'creatorops/tests-and-scripts',
    files: ['test/**/*.ts', 'scripts/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },

  {
    // The test of this configuration loads it with require() (see test/unit/lint-boundaries.spec.ts).
    name: 'creatorops/lint-config-test',
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-require-imports': ['error', { allow: ['/eslint\\.config\\.js$'] }] },
  },

  {
    // Adapters over TypeORM's `query(): Promise<any>` (a DataSource or an EntityManager).
    name: 'creatorops/query-adapters',
    files: ['libs/auth/login-throttle.ts', 'apps/api/**/dashboard-data.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },

  {
    // `BaseRecord` comes from `await import('adminjs')` (ESM-only) and is used only in `typeof BaseRecord`.
    name: 'creatorops/adminjs-loader',
    files: ['apps/api/**/adminjs.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^(?:_|BaseRecord$)',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
        },
      ],
    },
  },

  // Import boundaries. Later blocks replace the rule's options of earlier ones, so the narrower
  // folders come last and carry their full list.
  boundaries('libs', 'libs', libPatterns),
  boundaries('domain-rules', 'libs/domain/rules', domainRulePatterns),
  {
    name: 'creatorops/boundaries/workflow-facing-libs',
    files: ['libs/temporal/workflow-ids.ts', 'libs/temporal/search-attribute-keys.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!@temporalio/common(?:/|$))',
              message:
                'Workflows import this module, so it stays deterministic and bundles for Temporal\'s sandbox: it imports @temporalio/common and nothing else.',
            },
          ],
        },
      ],
    },
  },
  boundaries('workflows', 'workflows', workflowPatterns),
  {
    name: 'creatorops/boundaries/workflows/no-dynamic-import',
    files: ['workflows/**/*.ts'],
    rules: {
      // `require()` is refused everywhere by @typescript-eslint/no-require-imports.
      'no-restricted-syntax': [
        'error',
        { selector: 'ImportExpression', message: `${WORKFLOW_WHY} Workflows load no module at run time: import statically.` },
      ],
    },
  },
);
