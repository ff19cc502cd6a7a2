// @ts-check
import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";
import folders from "./eslint.folders.js";
import languages from "./eslint.languages.js";
import layers from "./eslint.layers.js";

export default tseslint.config(
  { ignores: ["_site/", "_site.*/", "reports/", ".cache/", "node_modules/"] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      globals: globals.node,
      parserOptions: {
        projectService: { allowDefaultProject: ["*.js", "*.cjs"] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // Template literals with numbers are how messages and URLs are built here.
      "@typescript-eslint/restrict-template-expressions": ["error", { allowNumber: true }],
    },
  },
  {
    files: ["**/*.js", "**/*.cjs"],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    files: ["**/*.cjs"],
    rules: {
      // CommonJS configs (.pa11yci.cjs, .puppeteerrc.cjs) are loaded by tools with require().
      "@typescript-eslint/no-require-imports": "off",
    },
  },
  ...layers,
  ...folders,
  ...languages,
);
