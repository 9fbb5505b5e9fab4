/**
 * Module boundaries of the server; `npm run lint` fails on any violation.
 * - Shared layers (graphql, i18n, db, security, shared) import nothing from features (modules/).
 * - Features and shared layers never import the composition root, which wires them together.
 * - No import cycle, type-only imports included: between files, between folders, and between
 *   modules. A file-level check alone misses module cycles (auth → credentials/required-action and
 *   credentials → auth/session.service is no file cycle), so each module also declares below which
 *   modules it may import, and that list is checked here to have no cycle.
 */
const SHARED = '^server/src/(graphql|i18n|db|security|shared)/';
const COMPOSITION = '^server/src/(services|app|main|cli|schema|emit-schema|entities|loaders)[.]ts$';

/** Module → the modules it may import (a module may always import itself). */
const MODULE_DEPENDENCIES = {
  audit: [],
  mail: [],
  auth: ['audit', 'mail'],
  billing: ['audit'],
  notifications: ['audit', 'billing', 'mail'],
  credentials: ['audit', 'auth', 'billing', 'mail'],
  reissue: ['audit', 'auth', 'credentials', 'mail'],
  integrations: ['audit', 'billing'],
  payments: ['audit', 'billing', 'integrations'],
  documents: ['audit', 'auth', 'billing', 'payments'],
  operators: ['audit', 'auth', 'billing', 'credentials', 'integrations', 'mail', 'reissue'],
};

// The declared module graph must itself be acyclic, or "no two modules import each other" is lost.
(function assertAcyclic(graph) {
  const state = new Map();
  const visit = (name, trail) => {
    if (!(name in graph)) throw new Error(`.dependency-cruiser.cjs: unknown module ${name}`);
    if (state.get(name) === 'done') return;
    if (state.get(name) === 'visiting')
      throw new Error(`.dependency-cruiser.cjs: module cycle ${[...trail, name].join(' → ')}`);
    state.set(name, 'visiting');
    for (const next of graph[name]) visit(next, [...trail, name]);
    state.set(name, 'done');
  };
  for (const name of Object.keys(graph)) visit(name, []);
})(MODULE_DEPENDENCIES);

const moduleRules = Object.entries(MODULE_DEPENDENCIES).map(([name, allowed]) => ({
  name: `module-${name}`,
  severity: 'error',
  comment: `modules/${name} may import only ${allowed.length ? allowed.join(', ') : 'no other module'} (see MODULE_DEPENDENCIES).`,
  from: { path: `^server/src/modules/${name}/` },
  to: {
    path: '^server/src/modules/',
    pathNot: `^server/src/modules/(${[name, ...allowed].join('|')})/`,
  },
}));

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'Import cycle: invert one edge (a callback registered in services.ts) or move what both need to shared/.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-circular-folders',
      severity: 'error',
      comment: 'Folder cycle: two folders import each other, possibly through others.',
      scope: 'folder',
      from: {},
      to: { circular: true },
    },
    {
      name: 'shared-imports-no-module',
      severity: 'error',
      comment: 'A shared layer must not depend on a feature: move the shared piece out of modules/ instead.',
      from: { path: SHARED },
      to: { path: '^server/src/modules/' },
    },
    {
      name: 'no-composition-root-import',
      severity: 'error',
      comment: 'Only the composition root wires modules together; take the services needed as parameters.',
      from: { path: ['^server/src/modules/', SHARED] },
      to: { path: COMPOSITION },
    },
    ...moduleRules,
  ],
  options: {
    includeOnly: '^server/src/',
    exclude: { path: '^(test|bench|client|dist|node_modules)/' },
    doNotFollow: { path: 'node_modules' },
    // Type-only imports count: a cycle of types is still two modules that cannot change apart.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.json'] },
  },
};
