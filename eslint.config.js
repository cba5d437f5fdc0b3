// @ts-check
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

export default tseslint.config(
	{ ignores: ['node_modules/', 'out/', 'coverage/', 'bench/', 'dist/'] },
	js.configs.recommended,
	...tseslint.configs.strictTypeChecked,
	{
		languageOptions: {
			parserOptions: { project: './tsconfig.json', tsconfigRootDir: import.meta.dirname },
		},
		rules: {
			'@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
			'@typescript-eslint/no-confusing-void-expression': 'off',
			'no-console': 'off',
		},
	},
	{
		// Answers sit below the question reader, the commands and the front ends: imports point down only.
		files: ['src/answers/**/*.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: ['**/question/*', '**/commands/*', '**/discord/*', '**/shell/*'],
							message: 'src/answers/ depends only downward (dataset, search, charts, text).',
						},
					],
				},
			],
		},
	},
	{
		// The question reader sits below the commands and the front ends: imports point down only.
		files: ['src/question/**/*.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: ['**/commands/*', '**/discord/*', '**/shell/*'],
							message: 'src/question/ depends only downward (answers, dataset, search, text).',
						},
					],
				},
			],
		},
	},
	{
		// The data, search and chart layers sit at the bottom: they know nothing of answers or front ends.
		files: ['src/dataset/**/*.ts', 'src/search/**/*.ts', 'src/charts/**/*.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: ['**/answers/*', '**/question/*', '**/commands/*', '**/discord/*', '**/shell/*'],
							message: 'src/dataset/, src/search/ and src/charts/ depend only on each other and src/text.ts.',
						},
					],
				},
			],
		},
	},
	{
		files: ['eslint.config.js'],
		...tseslint.configs.disableTypeChecked,
	},
	{
		files: ['tests/**/*.ts'],
		rules: {
			'@typescript-eslint/no-non-null-assertion': 'off',
		},
	},
	prettier,
);
