// @ts-check
/**
 * Folder names are written once, in `src/lib/project.ts` (`projectFolders`); code everywhere
 * else derives paths and messages from it, so moving a folder is a change in one place. This
 * rule refuses the project's folder names in strings, template literals and regular
 * expressions of the code (`src/`, `scripts/`, `.eleventy.ts`), except in `project.ts` itself;
 * the content (`src/site/`, `data/`, `locales/`) and the tests may name folders, and so may the
 * tools' own configuration files at the root, which cannot import TypeScript.
 */

/** A folder name as a path or a path's start: `_site`, `.cache/a11y`, `src/site/de`, `reports/`. */
const folderInText = [
  // Names that are never words: anywhere they are not part of a longer name.
  "(^|[^\\w.-])(_site|\\.cache)(?![\\w-])",
  // Names that are also words ("reports", "data"): only as a path, with its slash, or alone.
  "(^|[^\\w.-])(src\\/site|locales|reports)\\/",
  "^(src\\/site|locales|reports)$",
  // Not after a slash: `/data/` is the open data's address on the site, `src/lib/data/` code.
  "(^|[^\\w./-])data\\/",
].join("|");

// Where a literal names a module, not a folder: `import … from "../lib/data/load.ts"`.
const moduleSpecifier =
  "ImportDeclaration, ExportNamedDeclaration, ExportAllDeclaration, ImportExpression, TSExternalModuleReference, TSLiteralType";

const message =
  "a folder of the project is named in src/lib/project.ts alone: use projectFolders (and projectPath) instead of writing it here.";

/** @type {import("eslint").Linter.RuleEntry} */
const noFolderLiterals = [
  "error",
  { selector: `:not(${moduleSpecifier}) > Literal[value=/${folderInText}/]`, message },
  { selector: `TemplateElement[value.raw=/${folderInText}/]`, message },
  {
    selector: "Literal[regex.pattern=/_site|src\\W{1,6}site|\\.cache|locales|reports/]",
    message,
  },
  // `path.join(root, "data")`: the data folder's name alone is also an event's ("data").
  {
    selector: "CallExpression[callee.property.name=/^(join|resolve)$/] > Literal[value='data']",
    message,
  },
];

/** @type {import("eslint").Linter.Config[]} */
export default [
  {
    files: ["src/**/*.ts", "src/**/*.js", "scripts/**/*.ts", ".eleventy.ts", "vitest.config.ts"],
    ignores: ["src/lib/project.ts", "src/site/**"],
    rules: { "no-restricted-syntax": noFolderLiterals },
  },
];
