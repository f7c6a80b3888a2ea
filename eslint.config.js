import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '.data/**',
      '**/.esbuild/**',
      '**/.serverless/**',
      '**/dist/**',
      'shared/contract/src/generated/**',
      'bench/results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        URL: 'readonly',
        URLSearchParams: 'readonly',
        fetch: 'readonly',
        __dirname: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  // The local cloud's boundary (ADR 1, local-cloud/README.md): outside local-cloud/, it is imported
  // only through its public entry, `@sdp/local-cloud` (local-cloud/src/index.ts); every other file of
  // it is internal. ESLint keeps one set of options per rule and file, so another block that sets
  // no-restricted-imports for the same files replaces this one: add its patterns here instead.
  {
    files: ['**/*.{ts,mts,cts,js,mjs,cjs}'],
    ignores: ['local-cloud/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^@sdp/local-cloud/|(^|/)local-cloud/',
              message:
                "Import the local cloud through its public entry, '@sdp/local-cloud' (local-cloud/src/index.ts).",
            },
          ],
        },
      ],
    },
  },
);
