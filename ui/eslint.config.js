import js from '@eslint/js';
import ts from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';

export default ts.config(
  { ignores: ['dist/', 'node_modules/', 'src/lib/backend/generated/'] },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'] } },
  },
  {
    rules: {
      'no-console': ['error', { allow: ['warn', 'error'] }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // Only the backend module may talk to Tauri.
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@tauri-apps/*'], message: 'Import Tauri only in src/lib/backend/.' }] },
      ],
    },
  },
  {
    files: ['src/lib/backend/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['**/*.svelte'],
    rules: {
      // {@html} is allowed only for sanitized Markdown (see lib/markdown.ts); each use is marked.
      'svelte/no-at-html-tags': 'error',
    },
  },
);
