// @ts-check
/**
 * The site's languages are listed once, in `data/languages.ts`; code everywhere else derives
 * them from that list (`src/lib/languages.ts`), so adding a language changes content, never
 * code. This rule refuses the listed languages in the code (`src/`, `scripts/`, `.eleventy.ts`):
 * a language code as a string (`"de"`, `"en-GB"`), as an object's key (`{ de: …, en: … }`), in
 * an address or attribute (`"/de/daten/"`, `lang="en"`), in a regular expression (`/(de|en)/`),
 * and a language's English name in a message ("German"). The content (`src/site/`, `data/`,
 * `locales/`) and the tests may name languages.
 */
import { readFileSync } from "node:fs";

/** The codes and English names `data/languages.ts` lists, read from its text. */
function listedLanguages() {
  const text = readFileSync(new URL("data/languages.ts", import.meta.url), "utf8");
  const values = (/** @type {string} */ field) =>
    [...text.matchAll(new RegExp(`\\b${field}:\\s*"([^"]+)"`, "g"))].map((match) => match[1] ?? "");
  return { codes: values("code"), names: values("englishName") };
}

const { codes, names } = listedLanguages();
const escape = (/** @type {string} */ value) => value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const code = `(?:${codes.map(escape).join("|")})`;
/** A code alone, or with a region or script (`de`, `en-GB`). */
const codeAlone = new RegExp(`^${code}(?:-[A-Za-z0-9]{2,8})*$`);
/** A code in an address (`/de/`) or an attribute (`lang="de"`, `hreflang=en`, `{lang=de}`). */
const codeInText = new RegExp(`(?:^|[^\\w-])/${code}/|\\b(?:lang|hreflang)=["']?${code}\\b`);
/** Codes as a regular expression's alternatives or as a path in it: `(de|en)`, `\/de\/`. */
const codeInPattern = new RegExp(`\\((?:\\?:)?${code}(?:\\|${code})+\\)|\\\\/${code}\\\\/`);
/** A language's English name as a word. */
const nameInText = new RegExp(`\\b(?:${names.map(escape).join("|")})\\b`);

const message =
  "the site's languages are listed in data/languages.ts alone: derive them from src/lib/languages.ts (languages, sourceLanguage, languageInfo, languageName) instead of writing them here.";

/** @type {import("eslint").Rule.RuleModule} */
const noLanguageLiterals = {
  meta: { type: "problem", schema: [], messages: { literal: message } },
  create(context) {
    const report = (/** @type {import("estree").Node} */ node) =>
      context.report({ node, messageId: "literal" });
    /** @param {string} text */
    const inText = (text) => codeInText.test(text) || nameInText.test(text);
    return {
      Literal(node) {
        const parent = /** @type {import("estree").Node & { parent?: import("estree").Node }} */ (
          node
        ).parent;
        // Module paths (`hyphen/de/index.js`) and type names are not languages of the site.
        if (parent?.type === "ImportDeclaration" || parent?.type === "ImportExpression") return;
        if ("regex" in node && node.regex !== undefined) {
          if (codeInPattern.test(node.regex.pattern)) report(node);
          return;
        }
        if (typeof node.value !== "string") return;
        const isKey = parent?.type === "Property" && parent.key === node;
        if (codeAlone.test(node.value) || (!isKey && inText(node.value))) report(node);
      },
      TemplateElement(node) {
        if (inText(node.value.raw)) report(node);
      },
      Property(node) {
        if (!node.computed && node.key.type === "Identifier" && codeAlone.test(node.key.name)) {
          report(node.key);
        }
      },
    };
  },
};

/** @type {import("eslint").Linter.Config[]} */
export default [
  {
    files: ["src/**/*.ts", "src/**/*.js", "scripts/**/*.ts", ".eleventy.ts"],
    ignores: ["src/site/**"],
    plugins: { project: { rules: { "no-language-literals": noLanguageLiterals } } },
    rules: { "project/no-language-literals": "error" },
  },
];
