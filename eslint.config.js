import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', 'coverage/', '**/*.mjs', 'eslint.config.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // An un-awaited Telegram call escapes bot.catch and its rejection crashes Node.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
    },
  },
  {
    // The wall page's browser script: plain JavaScript, no type information, browser globals.
    files: ['src/web/static/**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, sourceType: 'script', globals: { document: 'readonly', location: 'readonly', fetch: 'readonly', setInterval: 'readonly' } },
  },
  {
    // The domain is plain logic: no Telegram, storage, cron, Node APIs, settings or outer layers.
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*'], message: 'src/domain does no I/O: pass data in from the caller.' },
            {
              group: ['telegraf', 'telegraf/*', 'lowdb', 'lowdb/*', 'node-cron', 'dotenv', 'exceljs', 'iconv-lite', 'pngjs'],
              message: 'src/domain is pure: libraries with I/O belong to bot/, store/, schedule/ or import/.',
            },
            {
              group: ['fs', 'fs/*', 'path', 'os', 'child_process', 'http', 'https', 'net', 'crypto', 'stream', 'stream/*', 'readline', 'process', 'timers', 'timers/*', 'worker_threads'],
              message: 'src/domain does no I/O: pass data in from the caller.',
            },
            {
              group: ['**/config', '**/config.ts', '**/logger.ts', '**/app.ts', '**/main.ts'],
              message: 'src/domain takes settings as arguments; it never reads the configuration.',
            },
            {
              group: ['**/bot/**', '**/store/**', '**/schedule/**', '**/text/**', '**/render/**', '**/ops/**', '**/console/**', '**/cli/**', '**/import/**', '**/chart/**'],
              message: 'src/domain is the bottom layer: it imports nothing from the layers above it.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['tests/**/*.ts', 'bench/**/*.ts'],
    rules: {
      // node:test's describe/it return promises the runner itself awaits.
      '@typescript-eslint/no-floating-promises': [
        'error',
        { allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: ['describe', 'it', 'test', 'suite'] }] },
      ],
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
    },
  },
);
