// ESLint flat config: typescript-eslint (syntactic, not type-aware, to keep it fast), the Next.js plugin
// (recommended + core-web-vitals) and the layer boundaries of the architecture ("Layers and folders"):
// lib/ never imports app/ or components/, components/ never import app/, and client components
// ('use client') never import lib/db, lib/generated (Prisma) or server-only code.
import js from '@eslint/js';
import nextPlugin from '@next/eslint-plugin-next';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Import specifiers that reach a top-level folder by alias (@/app/...) or by a relative path (../../app/...).
const folder = (...names) => `^(@/|(\\.\\./)+)(${names.join('|')})(/|$)`;

const CLIENT_FORBIDDEN = [
  { regex: new RegExp(folder('lib/db')), what: 'lib/db (the database)' },
  { regex: new RegExp(folder('lib/generated')), what: 'lib/generated (the Prisma client)' },
  { regex: /^server-only$/, what: 'server-only modules' },
];

/** Reports imports of server code from files whose first statement is the 'use client' directive. */
const noServerImportsInClient = {
  meta: { type: 'problem', schema: [], messages: { forbidden: "A 'use client' module must not import {{what}} ('{{source}}')." } },
  create(context) {
    const first = context.sourceCode.ast.body[0];
    const isClient = first?.type === 'ExpressionStatement' && first.directive === 'use client';
    if (!isClient) return {};
    const check = (node) => {
      const source = node.source?.value;
      if (typeof source !== 'string') return;
      const hit = CLIENT_FORBIDDEN.find((rule) => rule.regex.test(source));
      if (hit) context.report({ node: node.source, messageId: 'forbidden', data: { what: hit.what, source } });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};

export default defineConfig(
  globalIgnores([
    'lib/generated/**',
    '.next/**',
    'node_modules/**',
    '.data/**',
    'test-results/**',
    'playwright-report/**',
    'tmp/**',
    'next-env.d.ts',
  ]),
  js.configs.recommended,
  tseslint.configs.recommended,
  nextPlugin.configs.recommended,
  nextPlugin.configs['core-web-vitals'],
  {
    rules: {
      // `const { omitted: _omitted, ...rest } = value` is how the code drops fields from an object before returning
      // or storing it; the underscore names mark those bindings as deliberately unused.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    // Plain ES modules run directly by Node (scripts, tool configs).
    files: ['**/*.mjs'],
    languageOptions: { globals: globals.node },
  },
  {
    // These match NUL (U+0000) on purpose: PostgreSQL cannot store it, so input validation rejects it.
    files: ['lib/validation/storable-text.ts', 'tests/integration/fuzz-csv-import.test.ts'],
    rules: { 'no-control-regex': 'off' },
  },
  {
    // The test feeds an amount above Number.MAX_SAFE_INTEGER on purpose, to see the download fail cleanly.
    files: ['tests/integration/invoice-download.test.ts'],
    rules: { 'no-loss-of-precision': 'off' },
  },
  {
    plugins: { agewise: { rules: { 'no-server-imports-in-client': noServerImportsInClient } } },
    rules: {
      'agewise/no-server-imports-in-client': 'error',
    },
  },
  {
    files: ['lib/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: folder('app', 'components'), message: 'lib/ is the application layer: it never imports app/ (routes) or components/ (UI).' },
          ],
        },
      ],
    },
  },
  {
    files: ['components/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: folder('app'), message: 'components/ never import from app/ (routes); move shared code to lib/.' }] },
      ],
    },
  },
);
