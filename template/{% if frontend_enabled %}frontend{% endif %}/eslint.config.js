import js from "@eslint/js";
import { defineConfig, globalIgnores } from "eslint/config";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

// XSS: the page never turns data into HTML or code. React escapes text; these are
// the ways around it, and inline styles, which the Content-Security-Policy blocks.
const noHtmlFromData = [
  {
    selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
    message: "Never render HTML: user data is shown as text only.",
  },
  {
    selector: "JSXAttribute[name.name='style']",
    message:
      "The Content-Security-Policy blocks inline styles: use a class from styles.css.",
  },
  {
    selector:
      "AssignmentExpression > MemberExpression.left[property.name=/^(innerHTML|outerHTML|srcdoc)$/]",
    message: "Never write HTML: set textContent, or render with React.",
  },
  {
    selector:
      "CallExpression[callee.property.name=/^(insertAdjacentHTML|createContextualFragment)$/]",
    message: "Never parse HTML: render with React.",
  },
];

// The access token lives in memory only; storage holds the CSRF token alone,
// written by session/csrfTokenStore.ts.
const STORAGE = "Only session/csrfTokenStore.ts may use storage.";

export default defineConfig([
  globalIgnores(["dist", "coverage", "src/api/generated"]),
  {
    linterOptions: { reportUnusedDisableDirectives: "error" },
  },
  js.configs.recommended,
  tseslint.configs.strictTypeChecked,
  tseslint.configs.stylisticTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      "@typescript-eslint/restrict-template-expressions": [
        "error",
        { allowNumber: true },
      ],
    },
  },
  {
    files: ["src/**/*.{ts,tsx}"],
    extends: [reactHooks.configs.flat["recommended-latest"]],
    languageOptions: { globals: globals.browser },
    rules: {
      "no-restricted-syntax": ["error", ...noHtmlFromData],
      "no-restricted-globals": [
        "error",
        { name: "localStorage", message: STORAGE },
        { name: "sessionStorage", message: STORAGE },
      ],
      "no-restricted-properties": [
        "error",
        {
          object: "window",
          property: "localStorage",
          message: STORAGE,
        },
        {
          object: "window",
          property: "sessionStorage",
          message: STORAGE,
        },
        {
          object: "document",
          property: "write",
          message: "Never write HTML.",
        },
        {
          object: "document",
          property: "writeln",
          message: "Never write HTML.",
        },
      ],
    },
  },
  {
    files: [
      "src/session/csrfTokenStore.ts",
      "src/**/*.test.{ts,tsx}",
      "src/test/**",
    ],
    rules: {
      "no-restricted-globals": "off",
      "no-restricted-properties": "off",
    },
  },
  {
    files: [
      "server/**/*.js",
      "scripts/**/*.mjs",
      "vite-plugins/**/*.ts",
      "*.{js,ts}",
    ],
    languageOptions: { globals: globals.node },
  },
]);
