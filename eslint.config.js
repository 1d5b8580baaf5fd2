// ESLint for the whole tree: the recommended JavaScript and typescript-eslint rules, and
// eslint-plugin-astro for components. Rules changed from the recommended sets, and why:
//   no-unused-vars: a leading underscore marks a value left out on purpose (`const { file: _file, ...rest }`).
//   no-control-regex: feed text is untrusted, and several regexes exist to find control characters in it.
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', '.astro/', 'node_modules/', 'test/.tmp/', '.dist-staging/', '.dist-trash/', '.ci/out/', 'public/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  { languageOptions: { globals: { ...globals.node } } },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      'no-control-regex': 'off',
    },
  },
);
