const { jestConfig: lwcJestConfig } = require('@salesforce/sfdx-lwc-jest/config');

/**
 * One Jest run for every suite of the project: the TypeScript tooling under scripts/ and,
 * as they arrive, the Lightning web components under force-app/ (through sfdx-lwc-jest).
 */
module.exports = {
    reporters: [
        'default',
        ['jest-junit', { outputDirectory: 'reports', outputName: 'jest-junit.xml' }]
    ],
    projects: [
        {
            displayName: 'scripts',
            preset: 'ts-jest',
            testEnvironment: 'node',
            roots: ['<rootDir>/scripts'],
            testMatch: ['**/__tests__/**/*.test.ts'],
            transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] }
        },
        {
            ...lwcJestConfig,
            displayName: 'lwc',
            rootDir: __dirname,
            roots: ['<rootDir>/force-app'],
            testMatch: ['**/lwc/**/__tests__/**/*.test.js'],
            moduleNameMapper: {
                '^lightning/datatable$': '<rootDir>/config/jest/mocks/lightning/datatable/datatable'
            },
            // sa11y's toBeAccessible(): axe's checks on every rendered component.
            setupFilesAfterEnv: [
                ...(lwcJestConfig.setupFilesAfterEnv || []),
                '<rootDir>/jest-sa11y-setup.js'
            ]
        }
    ]
};
