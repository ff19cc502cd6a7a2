import { describe, expect, it } from "vitest";
import { pageFrame, type PageFrameProps } from "../../src/components/page-frame.ts";
import { html } from "../../src/lib/html.ts";
import { attribute, parseHtml, tag, text, within } from "../support/html.ts";
import { echo, translations } from "./support.ts";

const props: PageFrameProps = {
  language: "en",
  title: "Sources",
  description: "Where the figures come from.",
  url: "/en/sources/",
  translationKey: "sources",
  translations,
  navigation: { main: ["home", "sources"], footer: ["home"] },
  contentSecurityPolicy: undefined,
  baseUrl: "https://example.org",
  t: echo,
  heading: "Sources",
  notice: html``,
  content: html`<p>Where the figures come from.</p>`,
  official: false,
  easyLanguage: false,
};

describe("pageFrame", () => {
  it("marks the document's language and puts skip link, header, main and footer in order", () => {
    const page = parseHtml(pageFrame(props).markup);
    expect(attribute(page.first(tag("html")), "lang")).toBe("en");
    const body = page.first(tag("body"));
    const landmarks = (body?.children ?? []).flatMap((node) => ("name" in node ? [node.name] : []));
    expect(landmarks).toEqual(["a", "header", "main", "footer"]);
    expect(attribute(page.first(tag("a", { class: "skip-link" })), "href")).toBe("#main");
    expect(attribute(page.first(tag("main")), "id")).toBe("main");
  });

  it("puts the heading on its band above the content, both in line with header and footer", () => {
    const page = parseHtml(pageFrame(props).markup);
    const intro = page.first(tag("div", { class: "page-intro" }));
    expect(within(intro, tag("h1")).map((heading) => text(heading))).toEqual(["Sources"]);
    const content = page.first(tag("div", { class: "page-width prose" }));
    expect(text(content).trim()).toBe("Where the figures come from.");
  });

  it("chooses KERN's light theme, and marks pages in easy language for their larger type", () => {
    const page = parseHtml(pageFrame(props).markup);
    expect(attribute(page.first(tag("html")), "data-kern-theme")).toBe("light");
    expect(attribute(page.first(tag("body")), "class")).toBeUndefined();
    const easy = parseHtml(pageFrame({ ...props, easyLanguage: true }).markup);
    expect(attribute(easy.first(tag("body")), "class")).toBe("easy-language");
  });

  it("titles the document with the page title through the locale string", () => {
    const page = parseHtml(pageFrame(props).markup);
    expect(text(page.first(tag("title")))).toBe('[common.pageTitle {"title":"Sources"}]');
  });

  it("points x-default at the source-language twin", () => {
    const page = parseHtml(pageFrame(props).markup);
    const xDefault = page.first(tag("link", { hreflang: "x-default" }));
    expect(attribute(xDefault, "href")).toBe("https://example.org/de/quellen/");
  });

  it("points x-default at the page itself when it exists in one language only, and keeps it out of indexes as its front matter asks", () => {
    const page = parseHtml(
      pageFrame({
        ...props,
        language: "de",
        title: "Nur",
        url: "/de/nur/",
        translationKey: "only-german",
        navigation: { main: ["home"], footer: ["home"] },
      }).markup,
    );
    expect(attribute(page.first(tag("link", { hreflang: "x-default" })), "href")).toBe(
      "https://example.org/de/nur/",
    );
    expect(attribute(page.first(tag("meta", { name: "robots" })), "content")).toBe("noindex");
  });
});
