// ESLint: the Salesforce LWC rules (recommended, with the platform restrictions of
// @salesforce/eslint-plugin-lightning) on component sources; typescript-eslint on our Node scripts.
const lwcConfig = require('@salesforce/eslint-config-lwc');
const jestPlugin = require('eslint-plugin-jest');
const tseslint = require('typescript-eslint');
const globals = require('globals');

// Components are linted as the JavaScript the build emits (scripts/verify/checkers/eslint.ts lints the
// transpiled text under the source's name with a .js extension and maps findings back to .ts lines).
const COMPONENT_JS = ['lwc-ts/**/*.js'];
const lwcJs = lwcConfig.configs.recommended.map((config) => ({ ...config, files: COMPONENT_JS }));
const lwcPlugins = Object.assign({}, ...lwcJs.map((config) => config.plugins ?? {}));

module.exports = [
    {
        ignores: [
            'node_modules/**',
            'force-app/main/default/lwc/**',
            '.preview-build/**',
            '.verify/**',
            'coverage/**',
            'scripts/lwc-platform/**',
            'scripts/verify/fixtures/**',
            '**/*.d.ts'
        ]
    },
    ...lwcJs,
    {
        files: ['lwc-ts/**/__tests__/**/*.js'],
        plugins: { jest: jestPlugin },
        languageOptions: { globals: { ...globals.node, ...globals.jest } },
        rules: {
            ...jestPlugin.configs['flat/recommended'].rules,
            '@lwc/lwc/no-unexpected-wire-adapter-usages': 'off'
        }
    },
    {
        // the TypeScript sources themselves: no `any` escape hatch in product code; a timer is as restricted
        // here as in the emitted JavaScript, so one disable comment with its reason serves both
        files: ['lwc-ts/**/*.ts'],
        languageOptions: { parser: tseslint.parser },
        plugins: { ...lwcPlugins, '@typescript-eslint': tseslint.plugin },
        rules: {
            '@typescript-eslint/no-explicit-any': 'error',
            '@lwc/lwc/no-async-operation': 'error'
        }
    },
    ...tseslint.configs.recommended.map((config) => ({
        ...config,
        files: ['scripts/**/*.ts', '*.js', 'config/**/*.js']
    })),
    {
        files: ['scripts/**/*.ts', '*.js', 'config/**/*.js'],
        languageOptions: { globals: { ...globals.node } },
        rules: {
            '@typescript-eslint/no-require-imports': 'off',
            '@typescript-eslint/no-explicit-any': 'error'
        }
    }
];
