/** Real PostgreSQL (embedded unless DATABASE_URL), real SMTP, real Chromium: see test/support. */
const project = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.[tj]s$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          keepClassNames: true,
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  // A few dependencies ship only as ES modules; compile those to CommonJS like our own code.
  transformIgnorePatterns: ['/node_modules/(?!(content-disposition)/)'],
  // One cluster for the whole run, whichever projects run (jest runs a shared hook once).
  globalSetup: '<rootDir>/test/support/global-setup.js',
  globalTeardown: '<rootDir>/test/support/global-teardown.js',
};

module.exports = {
  projects: [
    project,
    // The billing and payment suites once more, every app's bill reads on its own hot standby of the
    // test cluster (test/support/standby.ts); skipped, saying why, where no standby can be made.
    {
      ...project,
      displayName: 'reads on a standby',
      testMatch: ['**/integration/billing.test.ts', '**/integration/payments.test.ts'],
      setupFiles: ['<rootDir>/test/support/reads-on-standby.js'],
    },
  ],
  testTimeout: 60_000,
  maxWorkers: 2,
};
