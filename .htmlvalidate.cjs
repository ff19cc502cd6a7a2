// html-validate rules for the built pages, used by the accessibility gate (npm run check:a11y)
// and by `npx html-validate _site`. "recommended" contains every rule of the "a11y" preset;
// "document" adds checks that only make sense for whole pages (heading levels, doctype,
// labels on inputs, aria references that point nowhere).
module.exports = {
  root: true,
  extends: ["html-validate:recommended", "html-validate:document"],
  rules: {
    // The letter case of <!doctype html> makes no difference to any browser or assistive
    // technology, and templates and formatters write it in lower case.
    "doctype-style": "off",
    // Trailing spaces in generated markup are invisible to every reader, sighted or not.
    "no-trailing-whitespace": "off",
    // Subresource integrity protects files loaded from other hosts; the site's own stylesheet
    // comes from the same host as the page.
    "require-sri": ["error", { target: "crossorigin" }],
  },
};
