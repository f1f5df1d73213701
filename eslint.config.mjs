import nx from '@nx/eslint-plugin';

/**
 * Module boundaries (DESIGN.md, issue 2):
 *  - apps import libs only; libs never import apps;
 *  - tools (local cloud, bench) may load apps' handlers;
 *  - scope:web reaches only scope:web and scope:shared.
 */
export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    ignores: ['**/dist', '**/node_modules', '**/.nx', '**/coverage', '**/cdktf.out', '**/.redwire', 'docs/protocol/**'],
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.mjs', '**/*.cjs'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          // Libs are consumed from source through path aliases; a lib's `build` target makes an
          // artifact (e.g. query-catalog's catalog bundle), not a compiled package others link.
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'type:infra', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['type:lib', 'type:app', 'type:tool'] },
            { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:web', 'scope:shared'] },
            { sourceTag: 'scope:server', onlyDependOnLibsWithTags: ['scope:server', 'scope:shared'] },
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
          ],
        },
      ],
      // `{ z } from 'zod/mini'` defeats tree-shaking (~420 KB in a bundle); the namespace import costs ~9 KB.
      // (no-restricted-imports with importNames also flags `import * as z`, so match the named import itself.)
      'no-restricted-syntax': [
        'error',
        {
          selector: "ImportDeclaration[source.value='zod/mini'] > ImportSpecifier[imported.name='z']",
          message: "Use `import * as z from 'zod/mini'` (tree-shakes to ~9 KB; `{ z }` pulls ~420 KB).",
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Tooling config files sit outside any project's source graph.
    files: ['**/vitest.config.ts', 'vitest.shared.ts', 'eslint.config.mjs'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
  {
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
];
