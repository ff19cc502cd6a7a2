import { describe, expect, it } from "vitest";
import { documentHead, type DocumentHeadProps } from "../../src/components/document-head.ts";
import { attribute, parseHtml, tag } from "../support/html.ts";
import { translations } from "./support.ts";

const props: DocumentHeadProps = {
  title: "Quellen – Gesundheitswirtschaft",
  description: "Woher die Zahlen stammen.",
  canonicalPath: "/de/quellen/",
  alternates: translations.sources ?? {},
  xDefaultPath: "/de/quellen/",
  noindex: false,
  contentSecurityPolicy: "default-src 'none'",
  baseUrl: "https://example.org",
};

describe("documentHead", () => {
  it("gives absolute canonical and hreflang addresses for every language and x-default", () => {
    const head = parseHtml(documentHead(props).markup);
    expect(attribute(head.first(tag("link", { rel: "canonical" })), "href")).toBe(
      "https://example.org/de/quellen/",
    );
    const alternates = head.all(tag("link", { rel: "alternate" }));
    expect(
      alternates.map((link) => [attribute(link, "hreflang"), attribute(link, "href")]),
    ).toEqual([
      ["de", "https://example.org/de/quellen/"],
      ["en", "https://example.org/en/sources/"],
      ["x-default", "https://example.org/de/quellen/"],
    ]);
  });

  it("writes the security policy and leaves robots alone unless asked", () => {
    const head = parseHtml(documentHead(props).markup);
    expect(
      attribute(head.first(tag("meta", { "http-equiv": "Content-Security-Policy" })), "content"),
    ).toBe("default-src 'none'");
    expect(head.first(tag("meta", { name: "robots" }))).toBeNull();
  });

  it("keeps a page out of search indexes, and leaves the policy out when there is none", () => {
    const head = parseHtml(
      documentHead({ ...props, noindex: true, contentSecurityPolicy: undefined }).markup,
    );
    expect(attribute(head.first(tag("meta", { name: "robots" })), "content")).toBe("noindex");
    expect(head.first(tag("meta", { "http-equiv": "Content-Security-Policy" }))).toBeNull();
  });
});
