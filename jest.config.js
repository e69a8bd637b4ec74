/** Unit tests beside end-to-end tests; the e2e folder drives the real terraform binary. Every test runs with an empty HOME of its own. */
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/__tests__'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }] },
  testTimeout: 120000,
  // Two test files at a time: the e2e files mostly wait on terraform, clones and npm ci, so on the
  // 2-core CI machine the suite took 473 s instead of 711 s one at a time. What workers share (the
  // release cache, bundles) is written aside and renamed into place.
  maxWorkers: 2,
  globalSetup: '<rootDir>/__tests__/support/global-setup.ts',
  globalTeardown: '<rootDir>/__tests__/support/global-teardown.ts',
};
