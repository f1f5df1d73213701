// Read by @custom-elements-manifest/analyzer (run from scripts/build.mjs).
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.spec.ts'],
  outdir: '../../dist/libs/web-components',
  litelement: true,
  packagejson: false,
};
