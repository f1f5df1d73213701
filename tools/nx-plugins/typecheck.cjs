// Infers a `typecheck` target for every project that has a tsconfig.json, so
// project.json files stay nearly empty (nx-examples style). We do not use
// @nx/js/typescript's inference because it needs TS project references and
// composite builds; this repo resolves libs through tsconfig.base.json paths.
const { dirname } = require('node:path');

module.exports.createNodesV2 = [
  '**/tsconfig.json',
  (configFiles) =>
    configFiles
      .filter((file) => file !== 'tsconfig.json' && !file.includes('node_modules'))
      .map((file) => {
        const root = dirname(file);
        return [
          file,
          {
            projects: {
              [root]: {
                targets: {
                  typecheck: {
                    command: `tsc -p ${file} --noEmit`,
                    cache: true,
                    inputs: ['default', '^production', { externalDependencies: ['typescript'] }],
                    outputs: [],
                  },
                },
              },
            },
          },
        ];
      }),
];
