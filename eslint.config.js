const js = require('@eslint/js');
const lwcRecommended = require('@salesforce/eslint-config-lwc/recommended');
const tseslint = require('typescript-eslint');

const LWC_FILES = ['force-app/**/lwc/**/*.js', 'config/jest/mocks/**/*.js'];

/** What the preview page's stand-in controller uses from the browser. */
const PREVIEW_GLOBALS = {
    window: 'readonly',
    document: 'readonly',
    setTimeout: 'readonly',
    URLSearchParams: 'readonly'
};

module.exports = tseslint.config(
    { ignores: ['node_modules/**', 'dist/**', 'coverage/**', 'reports/**', '**/fixtures/**'] },
    {
        files: ['scripts/**/*.ts'],
        extends: [tseslint.configs.strictTypeChecked],
        languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: __dirname } },
        rules: {
            '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }]
        }
    },
    // Lightning web components: Salesforce's own rules (LWC, Lightning, Jest, imports).
    ...lwcRecommended.map((config) => ({ ...config, files: LWC_FILES })),
    {
        // Jest runs the tests as CommonJS: they load their JSON fixtures with require.
        files: ['force-app/**/lwc/**/__tests__/**/*.js'],
        languageOptions: { globals: { require: 'readonly' } }
    },
    {
        files: ['scripts/preview/app/**/*.js'],
        extends: [js.configs.recommended],
        languageOptions: { sourceType: 'module', globals: PREVIEW_GLOBALS }
    },
    {
        // Plain JavaScript that worker threads run without a TypeScript loader.
        files: ['scripts/**/*.cjs'],
        extends: [js.configs.recommended],
        languageOptions: {
            sourceType: 'commonjs',
            globals: { module: 'writable', require: 'readonly' }
        }
    },
    {
        files: ['*.js'],
        languageOptions: {
            sourceType: 'commonjs',
            globals: { module: 'writable', require: 'readonly', __dirname: 'readonly' }
        }
    }
);
