import { describe, expect, it } from "vitest";
import { createMarkdown, NestingLimitError } from "../../src/plugins/markdown.ts";

const markdown = createMarkdown({ baseUrl: "https://example.org", markerText: () => "(extern)" });
const render = (source: string) => markdown.renderInline(source, {}).trim();

describe("the site's Markdown", () => {
  it("marks a phrase in another language with a bracketed span", () => {
    expect(render("Das [HealthCapital]{lang=en} Cluster")).toBe(
      'Das <span lang="en">HealthCapital</span> Cluster',
    );
    expect(render('[Landeszentrum Gesundheit]{lang="de"}')).toBe(
      '<span lang="de">Landeszentrum Gesundheit</span>',
    );
  });

  it("gives a link a language the same way", () => {
    expect(render("[Quellen](/en/sources/){lang=en}")).toBe(
      '<a href="/en/sources/" lang="en">Quellen</a>',
    );
  });

  it("drops every other attribute and never shows the block", () => {
    expect(
      render('[x]{onclick=alert(1) lang=en .note #id} [y](/de/){onmouseover="alert(1)"}'),
    ).toBe('<span lang="en">x</span> <a href="/de/">y</a>');
  });

  it("keeps markup inside a span and spans inside links apart", () => {
    expect(render("[**fett** und [Wort]{lang=en}]{lang=de}")).toBe(
      '<span lang="de"><strong>fett</strong> und <span lang="en">Wort</span></span>',
    );
  });

  it("leaves braces elsewhere as the text they are", () => {
    expect(render("Mengen {a, b} und {lang=en}")).toBe("Mengen {a, b} und {lang=en}");
  });

  it("renders blockquotes nested as deep as it can, and stops at the first line nested deeper", () => {
    const quote = (depth: number) => `Absatz\n\n${"> ".repeat(depth)}Zitat\n`;
    expect(markdown.render(quote(99), {}).match(/<blockquote>/g)).toHaveLength(99);
    let error: unknown;
    try {
      markdown.render(quote(120), {});
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(NestingLimitError);
    expect((error as NestingLimitError).line).toBe(2);
  });
});
