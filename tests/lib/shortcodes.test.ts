import markdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import { shortcodePage, shortcodes, type ShortcodeEnv } from "../../src/lib/shortcodes.ts";
import { contentErrorOf } from "../support/errors.ts";

const where = { file: "src/site/de/seite.md", bodyLine: 6 };
const markdown = markdownIt().use(shortcodes);

/** Renders a page body with its facts written as "<id>". */
function render(body: string): string {
  const env: ShortcodeEnv = { [shortcodePage]: { where, factText: (id: string) => `<${id}>` } };
  return markdown.render(body, env);
}

describe("the shortcodes of a page", () => {
  it("writes each fact's text where its shortcode stands, escaped as text", () => {
    expect(render('Es sind {% fact "nrw.employees" %} Menschen, {%fact "a.b"%}.')).toBe(
      "<p>Es sind &lt;nrw.employees&gt; Menschen, &lt;a.b&gt;.</p>\n",
    );
  });

  it("reads a shortcode whole, Markdown characters in its id and all", () => {
    expect(render('Unbekannt: {% fact "__proto__" %} und {% fact "a*b*" %}')).toBe(
      "<p>Unbekannt: &lt;__proto__&gt; und &lt;a*b*&gt;</p>\n",
    );
  });

  it("shows a shortcode as written where no page is being rendered", () => {
    expect(markdown.render('Zahl: {% fact "a.b" %}')).toBe(
      "<p>Zahl: {% fact &quot;a.b&quot; %}</p>\n",
    );
  });

  it("leaves braces in code spans and fenced code alone", () => {
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
    const html = render(body);
    expect(html).toContain("<code>{% fact &quot;a.b&quot; %}</code> und <code>{{ x }}</code>");
    expect(html).toContain("{% include &quot;../../package.json&quot; %}\n</code>");
    expect(html).toContain("{{ y }}\n</code>");
  });

  it.each([
    ['{{ "".constructor.constructor("return 1")() }}', "expressions"],
    ['{% include "../../package.json" %}', "includes"],
    ['{%- fact "a.b" -%}', "shortcodes with whitespace control"],
    ["{% fact id %}", "shortcodes without a quoted id"],
  ])("refuses %s (%s), naming the file, line and column as the editor sees them", (code) => {
    const error = contentErrorOf(() => render(`Erste Zeile.\n\nDann ${code}`));
    expect(error.location).toEqual({ file: where.file, line: 8, column: 6 });
    expect(error.message).toContain("is template code, which pages cannot run");
  });

  it("refuses template code after a code span that is never closed", () => {
    const error = contentErrorOf(() => render("Ein ` allein, dann {{ x }}"));
    expect(error.location).toMatchObject({ line: 6, column: 20 });
  });

  it("reads escaped backticks as Markdown does: as text, so the braces between them are refused", () => {
    const error = contentErrorOf(() => render("Rechnung: \\`{{ 7*7 }}\\`"));
    expect(error.location).toMatchObject({ line: 6, column: 13 });
    expect(render("Rechnung: `{{ 7*7 }}`")).toContain("<code>{{ 7*7 }}</code>");
  });

  it("finds the line after code spans that run over a line break, and braces in list items", () => {
    const error = contentErrorOf(() => render("- `{{ a\n  b }}` und\n  {{ c }}"));
    expect(error.location).toMatchObject({ line: 8, column: 3 });
  });

  it("refuses template code that escapes or entities spell, a shortcode with an escaped brace among it", () => {
    expect(contentErrorOf(() => render("Text {\\{ x }}")).location).toMatchObject({ line: 6 });
    expect(contentErrorOf(() => render("Text &#123;% x %}")).location).toMatchObject({ line: 6 });
    expect(contentErrorOf(() => render('Text \\{% fact "a.b" %}')).location).toMatchObject({
      line: 6,
      column: 7,
    });
  });

  it("refuses template code in a link target or title", () => {
    const error = contentErrorOf(() => render("Erst Text.\n[Link](/de/{{ x }}/)"));
    expect(error.location).toMatchObject({ line: 7 });
    expect(contentErrorOf(() => render('[Link](/de/ "{% x %}")')).message).toContain("title=");
  });
});
