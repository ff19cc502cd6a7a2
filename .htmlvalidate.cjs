// html-validate rules for the built pages, used by the accessibility gate (npm run check:a11y)
// and by `npx html-validate _site`. "recommended" contains every rule of the "a11y" preset;
// "document" adds checks that only make sense for whole pages (heading levels, doctype,
// labels on inputs, aria references that point nowhere). The gate fails on every rule left on,
// so rules that judge only how markup is written, never what a reader meets, are off.
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
    // How attributes, elements and void elements are spelled (case, quotes, `<br>` or `<br/>`,
    // `hidden` or `hidden=""`) reaches no reader: browsers parse every form alike.
    "attr-case": "off",
    "attr-quotes": "off",
    "attribute-boolean-style": "off",
    "attribute-empty-style": "off",
    "element-case": "off",
    "void-style": "off",
    // Roles that repeat the element's own (`<ul role="list">`, which restores list semantics
    // some browsers drop with `list-style: none`) and ARIA roles on generic elements (a named
    // `<div role="region" tabindex="0">` around a scrolling table) are valid and accessible;
    // which element carries a role is a matter of style.
    "no-redundant-role": "off",
    "prefer-native-element": "off",
    "prefer-button": "off",
    // Style preferences with no effect on the page: an implicit <tbody>, a repeated class, a
    // redundant `for` or script `type`, a button's default type outside forms, IE's comments.
    "prefer-tbody": "off",
    "no-dup-class": "off",
    "no-redundant-for": "off",
    "script-type": "off",
    "no-implicit-button-type": "off",
    "no-conditional-comment": "off",
    // Search engines cut long titles; readers and assistive technology read them whole.
    "long-title": "off",
    // Where a telephone number wraps is typography, not a barrier.
    "tel-non-breaking": "off",
    // HTML allows any id without spaces; only an empty id or one with spaces breaks references.
    "valid-id": ["error", { relaxed: true }],
  },
};
