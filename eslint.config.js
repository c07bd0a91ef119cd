// One flat config; style questions are settled here, not in review.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import vue from 'eslint-plugin-vue'
import globals from 'globals'
import prettier from 'eslint-config-prettier'

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
    ignores: ['src/db/**', 'src/pdf/render.worker.ts'],
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
  // Layout belongs to Prettier (npm run format); lint keeps to meaning.
  prettier,
)
