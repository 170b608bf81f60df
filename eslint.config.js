const tseslint = require('typescript-eslint');

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
        files: ['*.js'],
        languageOptions: {
            sourceType: 'commonjs',
            globals: { module: 'writable', require: 'readonly', __dirname: 'readonly' }
        }
    }
);
