// @ts-check
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import vue from 'eslint-plugin-vue'
import prettier from 'eslint-config-prettier'

const NODE_BUILTINS = [
  'node:*',
  'fs',
  'path',
  'os',
  'crypto',
  'child_process',
  'http',
  'url',
  'util',
  'stream',
]

/** The layering (VS Code's rule, scaled down): each layer may import only what is below it. */
const layers = [
  {
    files: ['electron/core/**/*.ts', 'electron/cli.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'core runs without Electron: never import electron here.',
            },
          ],
          patterns: [
            {
              group: ['**/main/**', '**/preload/**', '**/renderer/**'],
              message: 'core may not import the shell or the UI.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/contract/**/*.ts', 'electron/common/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'the contract is shared with the renderer: no electron.' },
          ],
          patterns: [
            {
              group: NODE_BUILTINS,
              message: 'the contract compiles for the renderer: no Node built-ins.',
            },
            {
              group: ['**/core/**', '**/main/**', '**/preload/**', '**/renderer/**'],
              message: 'the contract imports nothing of the layers above it.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/core/**', '**/main/**', '**/common/**', ...NODE_BUILTINS],
              message: 'the sandboxed preload imports only electron and the contract.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.vue'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'the renderer reaches main only through the contract (src/api.ts).',
            },
          ],
          patterns: [
            {
              group: ['**/electron/main/**', '**/electron/preload/**', '**/electron/core/**'],
              message: 'the renderer may import only electron/contract and electron/common.',
            },
            { group: NODE_BUILTINS, message: 'the renderer has no Node.' },
          ],
        },
      ],
    },
  },
]

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      '.bench/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'] } },
    rules: {
      'vue/block-lang': ['error', { script: { lang: 'ts' } }],
      'vue/multi-word-component-names': 'off',
    },
  },
  {
    rules: {
      // TypeScript checks names; ESLint's no-undef does not know the DOM and Node globals apart.
      'no-undef': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      'no-empty-pattern': 'off',
    },
  },
  ...layers,
  prettier,
)
