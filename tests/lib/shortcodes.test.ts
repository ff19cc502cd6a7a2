import { describe, expect, it } from "vitest";
import { parseShortcodes } from "../../src/lib/shortcodes.ts";
import { contentErrorOf } from "../support/errors.ts";

const where = { file: "src/site/de/seite.md", bodyLine: 6 };

describe("parseShortcodes", () => {
  it("cuts a page at its fact shortcodes and keeps the text between them as written", () => {
    expect(
      parseShortcodes('Es sind {% fact "nrw.employees" %} Menschen, {%fact "a.b"%}.', where),
    ).toEqual(["Es sind ", { fact: "nrw.employees" }, " Menschen, ", { fact: "a.b" }, "."]);
  });

  it("leaves braces in code spans, fenced code and comments-like text alone", () => {
    const body = [
      'Im Quelltext: `{% fact "a.b" %}` und ``{{ x }}``, {# kein Kommentar #}.',
      "",
      "```md",
      '{% include "../../package.json" %}',
      "```",
      "",
      "~~~",
      "{{ y }}",
      "~~~",
    ].join("\n");
    expect(parseShortcodes(body, where)).toEqual([body]);
  });

  it.each([
    ['{{ "".constructor.constructor("return 1")() }}', "expressions"],
    ['{% include "../../package.json" %}', "includes"],
    ['{%- fact "a.b" -%}', "shortcodes with whitespace control"],
    ["{% fact id %}", "shortcodes without a quoted id"],
  ])("refuses %s (%s), naming the file, line and column as the editor sees them", (code) => {
    const error = contentErrorOf(() => parseShortcodes(`Erste Zeile.\n\nDann ${code}`, where));
    expect(error.location).toEqual({ file: where.file, line: 8, column: 6 });
    expect(error.message).toContain("is template code, which pages cannot run");
  });

  it("refuses template code after a code span that is never closed", () => {
    const error = contentErrorOf(() => parseShortcodes("Ein ` allein, dann {{ x }}", where));
    expect(error.location).toMatchObject({ line: 6, column: 20 });
  });
});
