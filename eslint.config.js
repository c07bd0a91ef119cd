// One flat config; style questions are settled here, not in review.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import vue from 'eslint-plugin-vue'
import globals from 'globals'
import prettier from 'eslint-config-prettier'
import importX from 'eslint-plugin-import-x'
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript'

const FRAMEWORKS = [
  'vue',
  'pinia',
  'dexie',
  'pdfmake',
  'pdfmake/*',
  'electron',
  'element-plus',
  'vue-router',
  'vue-i18n',
  'exceljs',
  'echarts',
]

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'resources/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      'vue/no-v-html': 'error',
      'vue/multi-word-component-names': 'off',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/attribute-hyphenation': 'off',
      'vue/v-on-event-hyphenation': 'off',
      'vue/html-closing-bracket-newline': 'off',
      'vue/multiline-html-element-content-newline': 'off',
      'vue/html-indent': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // Dexie lives behind the repositories in src/db; pdfmake behind the render worker.
  {
    files: ['src/**/*.{ts,vue}'],
    // qr.ts takes pdfmake's QR encoder only, so that its codes match pdfmake's module for module.
    ignores: ['src/db/**', 'src/pdf/render.worker.ts', 'src/pdf/qr.ts'],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'dexie', message: 'Only src/db may import dexie: use a repository.' },
            { name: 'pdfmake/build/pdfmake', message: 'Only src/pdf/render.worker.ts imports pdfmake.' },
            { name: 'pdfmake', message: 'Only src/pdf/render.worker.ts imports pdfmake.', allowTypeImports: true },
          ],
          patterns: [
            { group: ['pdfmake/*', '!pdfmake/interfaces'], message: 'Only src/pdf/render.worker.ts imports pdfmake.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/db/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['pdfmake', 'pdfmake/*', '!pdfmake/interfaces'],
              message: 'Only src/pdf/render.worker.ts imports pdfmake.',
            },
            {
              group: ['@/pdf/*', '../pdf/*'],
              allowTypeImports: true,
              message: 'src/db hands plain inputs to the PDF builders: import their types only.',
            },
          ],
        },
      ],
    },
  },
  // A calendar day is the local day (src/domain/calendar.ts), never the UTC day that toISOString gives.
  {
    files: ['src/**/*.{ts,vue}'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "CallExpression[callee.property.name=/^(slice|substring|substr)$/][callee.object.callee.property.name='toISOString']",
          message: 'toISOString() is the UTC day: use today() / localDay() from src/domain/calendar.ts.',
        },
      ],
    },
  },
  // The domain is pure rules: no framework, no storage, no DOM.
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: FRAMEWORKS, message: 'src/domain is framework-free.' },
            { group: ['@/*', '../*'], message: 'src/domain imports only itself.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'indexedDB', 'navigator'],
    },
  },
  // A feature folder inside the domain (src/domain/rules/) may reach its siblings one level up, no further.
  {
    files: ['src/domain/*/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: FRAMEWORKS, message: 'src/domain is framework-free.' },
            { group: ['@/*', '../../*'], message: 'src/domain imports only itself.' },
          ],
        },
      ],
    },
  },
  // Feature folders do not import each other: a shared piece moves to
  // src/components or src/composables, a rule to src/domain, state to src/stores.
  {
    files: ['src/views/**/*.{ts,vue}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: '@/domain/validate', message: 'A view checks its fields with useForm (src/composables).' }],
          patterns: [
            {
              regex: '^(@/views/|\\.\\./[^./]|(\\.\\./)+views/)',
              message:
                'A view feature folder imports no other: move the shared piece to src/components or src/composables.',
            },
          ],
        },
      ],
    },
  },
  // PDF builders are pure data from plain inputs: no database, no Vue.
  {
    files: ['src/pdf/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^(@/db(/|$)|(\\.\\./)+db(/|$))', message: 'src/pdf never reads the database: take an input.' },
            { group: ['vue', 'pinia', 'vue-i18n', 'element-plus'], message: 'src/pdf is framework-free.' },
          ],
        },
      ],
    },
  },
  // No import cycles among the app's modules (.vue files are leaves here: a
  // component cycle shows as a runtime error in the component itself).
  {
    files: ['src/**/*.{ts,vue}', 'electron/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
      'import-x/extensions': ['.ts', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  // Layout belongs to Prettier (npm run format); lint keeps to meaning.
  prettier,
)
