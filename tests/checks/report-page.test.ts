import { describe, expect, it } from "vitest";
import { html } from "../../src/lib/html.ts";
import { toolLanguage } from "../../src/lib/languages.ts";
import { reportPage } from "../../src/checks/report-page.ts";
import { attribute, parseHtml, tag, text, within } from "../support/html.ts";

describe("a report page", () => {
  it("is a page in the tools' language whose title is its heading, with the body in its one main", () => {
    const page = parseHtml(
      reportPage("Word check: <failed>", html`<p>2 findings</p>`, html`td{padding:0}`),
    );
    expect(attribute(page.first(tag("html")), "lang")).toBe(toolLanguage);
    expect(text(page.first(tag("title")))).toBe("Word check: <failed>");
    expect(page.all(tag("h1")).map(text)).toEqual(["Word check: <failed>"]);
    const main = page.all(tag("main"));
    expect(main).toHaveLength(1);
    expect(within(main[0] ?? null, tag("p")).map(text)).toEqual(["2 findings"]);
  });

  it("adds the report's own style rules and measure to the shared ones", () => {
    const style = text(
      parseHtml(reportPage("Status", html``, html`td{padding:0}`, "60rem")).first(tag("style")),
    );
    expect(style).toContain("font-family:system-ui");
    expect(style).toContain("max-width:60rem");
    expect(style).toContain("td{padding:0}");
    expect(text(parseHtml(reportPage("Status", html``, html``)).first(tag("style")))).toContain(
      "max-width:70rem",
    );
  });
});
