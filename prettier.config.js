/** @type {import("prettier").Config} */
export default {
  printWidth: 100,
  proseWrap: "preserve",
  // Markup in `html` templates (src/components/) is written as the page should read; Prettier
  // would reflow it, changing the whitespace of the built pages.
  embeddedLanguageFormatting: "off",
};
