import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type ViteUserConfig } from 'vitest/config';

const workspaceRoot = dirname(fileURLToPath(import.meta.url));

/** `@redwire/*` aliases read from tsconfig.base.json, so vitest resolves libs as tsc and esbuild do. */
function workspaceAliases(): Record<string, string> {
  const base = JSON.parse(readFileSync(resolve(workspaceRoot, 'tsconfig.base.json'), 'utf8')) as {
    compilerOptions: { paths: Record<string, string[]> };
  };
  return Object.fromEntries(
    Object.entries(base.compilerOptions.paths).map(([name, [target]]) => [name, resolve(workspaceRoot, target ?? '')]),
  );
}

/**
 * The one vitest configuration every project extends.
 * @param projectDir the project's folder (pass `import.meta.dirname`)
 */
export function projectTestConfig(projectDir: string, overrides: ViteUserConfig['test'] = {}): ViteUserConfig {
  const name = projectDir.slice(workspaceRoot.length + 1);
  return defineConfig({
    root: projectDir,
    cacheDir: resolve(workspaceRoot, 'node_modules/.vite', name),
    resolve: { alias: workspaceAliases() },
    test: {
      name,
      include: ['src/**/*.spec.ts', 'test/**/*.spec.ts'],
      environment: 'node',
      reporters: ['default'],
      coverage: {
        provider: 'v8',
        include: ['src/**/*.ts'],
        exclude: ['src/**/*.spec.ts'],
        reportsDirectory: resolve(workspaceRoot, 'coverage', name),
        reporter: ['text-summary', 'json-summary'],
      },
      ...overrides,
    },
  });
}
