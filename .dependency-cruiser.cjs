/**
 * Dependencies point one way: core <- stages <- pipeline <- server/cli <- main.
 * A crossing fails `npm run lint` (and so CI). See docs/adr/0001-layers.md.
 */
const STAGES = '^src/(ingest|clean|dedup|enrich|kb|stories|search)/';

module.exports = {
  forbidden: [
    {
      name: 'core-is-the-bottom',
      comment: 'core holds record types and must not depend on any other layer',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { path: '^src/(?!core/)' },
    },
    {
      name: 'stages-stay-pure',
      comment: 'a stage never imports the store, pipeline, server, CLI or the composition root',
      severity: 'error',
      from: { path: STAGES, pathNot: '\\.test\\.ts$' },
      to: { path: '^src/(store|pipeline|server|cli|services|main)' },
    },
    {
      name: 'stages-no-drivers',
      comment: 'a stage never talks to a database driver or web framework',
      severity: 'error',
      from: { path: STAGES, pathNot: '\\.test\\.ts$' },
      to: { path: 'node_modules/(better-sqlite3|pg|hono|@hono|commander|cli-progress)/' },
    },
    {
      name: 'store-below-pipeline',
      comment: 'the store implements the port; it never reaches up into pipeline, server or CLI',
      severity: 'error',
      from: { path: '^src/store/' },
      to: { path: '^src/(pipeline|server|cli|main)' },
    },
    {
      name: 'pipeline-below-edges',
      severity: 'error',
      from: { path: '^src/(pipeline|services)/' },
      to: { path: '^src/(server|cli|main)' },
    },
    {
      name: 'server-and-cli-apart',
      severity: 'error',
      from: { path: '^src/server/' },
      to: { path: '^src/cli/' },
    },
    {
      name: 'ui-through-services',
      comment: 'the web UI reads through src/services (types of the store port excepted)',
      severity: 'error',
      from: { path: '^src/server/ui/' },
      to: { path: '^src/store/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'browser-code-stays-in-the-browser',
      comment:
        'client modules are bundled for the browser: they import nothing from the server side',
      severity: 'error',
      from: { path: '^src/server/ui/client/' },
      to: { path: '^src/(?!server/ui/client/|core/display-format)' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js'] },
  },
};
