/** Architecture rules checked in CI: no cycles, and the layering of DESIGN.md section 1. */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Import cycles make start-up order and testing fragile.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'electron-only-in-shell',
      severity: 'error',
      comment: 'Only the thin shell files may import electron.',
      from: {
        pathNot: [
          '^electron/main/(index|window|tray|ipc|desktop)\\.ts$',
          '^electron/preload/',
          '^tests/unit/electron/',
        ],
      },
      to: { path: '^electron$|node_modules/electron/' },
    },
    {
      name: 'renderer-imports-only-shared',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { path: '^(electron|scripts|tests)/' },
    },
    {
      name: 'shared-imports-nothing-of-ours',
      severity: 'error',
      from: { path: '^shared/' },
      to: { path: '^(electron|renderer|scripts|tests)/' },
    },
    {
      name: 'services-never-import-the-shell',
      severity: 'error',
      from: { path: '^electron/main/services/' },
      to: { path: '^electron/(main/(index|window|tray|ipc|desktop)\\.ts|preload/)' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(out|tests/artifacts|tmp-[^/]*)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.cjs', '.mjs'] },
  },
};
