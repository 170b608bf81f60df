const js = require('@eslint/js');
const tseslint = require('typescript-eslint');

/** What a Lightning web component may use from the browser. */
const BROWSER_GLOBALS = {
    window: 'readonly',
    document: 'readonly',
    console: 'readonly',
    setTimeout: 'readonly',
    clearTimeout: 'readonly',
    CustomEvent: 'readonly',
    Event: 'readonly',
    Intl: 'readonly'
};
/** The preview page's stand-in controller also reads the page's address. */
const PREVIEW_GLOBALS = { ...BROWSER_GLOBALS, URLSearchParams: 'readonly' };
const JEST_GLOBALS = {
    jest: 'readonly',
    describe: 'readonly',
    it: 'readonly',
    expect: 'readonly',
    beforeEach: 'readonly',
    afterEach: 'readonly',
    require: 'readonly'
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
    {
        files: ['force-app/**/lwc/**/*.js'],
        extends: [js.configs.recommended],
        languageOptions: { sourceType: 'module', globals: BROWSER_GLOBALS }
    },
    {
        files: ['scripts/preview/app/**/*.js'],
        extends: [js.configs.recommended],
        languageOptions: { sourceType: 'module', globals: PREVIEW_GLOBALS }
    },
    {
        files: ['force-app/**/lwc/**/__tests__/**/*.js'],
        languageOptions: { globals: JEST_GLOBALS }
    },
    {
        files: ['*.js'],
        languageOptions: {
            sourceType: 'commonjs',
            globals: { module: 'writable', require: 'readonly', __dirname: 'readonly' }
        }
    }
);
