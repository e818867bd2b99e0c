/**
 * One command runs every suite (`npm test`): unit tests of the pure domain, integration tests
 * on a real Temporal dev server and PostgreSQL, end-to-end tests of the built API and worker
 * processes over HTTP, and the back office in Chromium. The projects that need servers share
 * one global setup (Jest runs a setup module once, and only when one of its projects runs), so
 * `npm run test:unit` starts neither Temporal nor PostgreSQL.
 */
const transform = {
  '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json' }],
};

const project = (name, testMatch, extra = {}) => ({
  displayName: name,
  testEnvironment: 'node',
  rootDir: __dirname,
  testMatch,
  transform,
  moduleFileExtensions: ['ts', 'js', 'json'],
  ...extra,
});

const servers = {
  slowTestThreshold: 30,
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
};

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    project('unit', ['<rootDir>/test/unit/**/*.spec.ts', '<rootDir>/libs/**/*.spec.ts']),
    project('integration', ['<rootDir>/test/integration/**/*.spec.ts'], {
      ...servers,
      // Rewrites the replay fixtures: only through `npm run histories:record`.
      testPathIgnorePatterns: process.env.RECORD_HISTORIES ? [] : ['/record-histories\\.spec\\.ts$'],
    }),
    project('e2e', ['<rootDir>/test/e2e/**/*.spec.ts'], servers),
    project('browser', ['<rootDir>/test/browser/**/*.spec.ts'], servers),
  ],
  testTimeout: 120_000,
  // Two cores: one worker per core, each test file owning its own database and task queue.
  maxWorkers: 2,
  reporters: ['default'],
};
