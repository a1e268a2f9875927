// Jest runs on the compiled bundles in force-app/main/default/lwc — the code that deploys — after
// `npm run build` has compiled lwc-ts/ (tests included) to JavaScript.
const { jestConfig } = require('@salesforce/sfdx-lwc-jest/config');

module.exports = {
    ...jestConfig,
    roots: ['<rootDir>/force-app'],
    // only *.test.js are tests; other files in __tests__ are shared helpers and fixtures
    testMatch: ['**/__tests__/**/*.test.js'],
    // labels resolve to their real text (written by the build), so tests read what users read
    moduleNameMapper: { '^@salesforce/label/c\\.(.+)$': '<rootDir>/.verify/labels/$1.js' },
    modulePathIgnorePatterns: ['<rootDir>/.localdevserver', '<rootDir>/.preview-build'],
    setupFilesAfterEnv: [...(jestConfig.setupFilesAfterEnv || []), '<rootDir>/config/jest-setup.js'],
    testTimeout: 10000
};
