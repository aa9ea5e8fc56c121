import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "build/**",
      "app/.server/db/generated/**",
      "tests/artifacts/**",
      "bench/results/**",
      "node_modules/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[callee.object.name=/^(it|test|describe)$/][callee.property.name='only']",
          message: "No focused tests.",
        },
      ],
    },
  },
  {
    // Browser code takes zod from app/forms/zod.ts, which turns off zod's eval probe (the CSP
    // forbids eval and the browser would report every probe; decision 009).
    files: ["app/**/*.{ts,tsx}"],
    ignores: ["app/forms/zod.ts", "app/.server/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { paths: [{ name: "zod", message: 'Import { z } from "~/forms/zod" (decision 009).' }] },
      ],
    },
  },
  {
    files: ["server/**/*.js", "scripts/**/*.js"],
    languageOptions: {
      globals: { process: "readonly", console: "readonly", URL: "readonly", setTimeout: "readonly" },
    },
  },
);
