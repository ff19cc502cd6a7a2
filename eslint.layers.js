// @ts-check
/**
 * The project's layers, enforced with `no-restricted-imports`: `src/lib` ← `src/plugins` and
 * `src/components` ← `src/checks` (the gates) ← `scripts`; the translators' exchange
 * (`src/translation`) stands on `src/lib` alone, and the translation check builds on it. Lower layers import nothing above
 * them, and nothing imports the benchmark or the tests. Import paths are matched as written
 * (relative), so each pattern allows any number of `../` and, from the project root, `./src/`.
 * Each group of files has exactly one block here: ESLint does not merge a rule's options
 * across blocks, the last matching block wins.
 */

/** @param {string} folder a folder under the project root or under `src/` */
const folderImport = (folder) => `^(?:\\./|(?:\\.\\./)+)(?:src/)?${folder}/`;

/** @param {string} folder @param {string} why */
const forbid = (folder, why) => ({ regex: folderImport(folder), message: why });

const noChecks = forbid("checks", "the site never imports the gates (src/checks).");
const noScripts = forbid("scripts", "nothing imports the command-line scripts.");
const noTests = forbid("tests", "nothing outside tests/ imports the tests.");
const noBenchmark = forbid("scripts/bench", "nothing imports the benchmark (scripts/bench).");
const noLayersAboveLib = [
  forbid("plugins", "src/lib imports nothing above it (here: src/plugins)."),
  forbid("components", "src/lib imports nothing above it (here: src/components)."),
  forbid("checks", "src/lib imports nothing above it (here: src/checks)."),
  forbid("translation", "src/lib imports nothing above it (here: src/translation)."),
];
const noLayersAboveTranslation = ["plugins", "components", "checks"].map((folder) =>
  forbid(folder, `src/translation builds on src/lib alone (here: src/${folder}).`),
);

/** @param {import("eslint").Linter.RuleEntry} entry */
const rule = (entry) => ({ "no-restricted-imports": entry });

/** @param {{ regex: string, message: string }[]} patterns */
const restrict = (patterns) => rule(["error", { patterns }]);

/** @type {import("eslint").Linter.Config[]} */
export default [
  { files: ["src/lib/**/*.ts"], rules: restrict([...noLayersAboveLib, noScripts, noTests]) },
  {
    files: ["src/plugins/**/*.ts", "src/components/**/*.ts", "src/build.ts", ".eleventy.ts"],
    rules: restrict([noChecks, noScripts, noTests]),
  },
  {
    files: ["src/translation/**/*.ts"],
    rules: restrict([...noLayersAboveTranslation, noScripts, noTests]),
  },
  { files: ["src/checks/**/*.ts"], rules: restrict([noScripts, noTests]) },
  {
    files: ["scripts/**/*.ts"],
    // `npm run bench` is the benchmark's own entry point; its modules import each other.
    ignores: ["scripts/bench.ts", "scripts/bench/**"],
    rules: restrict([
      noTests,
      { regex: "^\\./bench/", message: "nothing imports the benchmark (scripts/bench)." },
    ]),
  },
  { files: ["scripts/bench.ts", "scripts/bench/**/*.ts"], rules: restrict([noTests]) },
  {
    files: ["tests/**/*.ts"],
    rules: restrict([
      noBenchmark,
      { regex: "\\.test\\.ts$", message: "a test imports helpers, never another test file." },
    ]),
  },
];
