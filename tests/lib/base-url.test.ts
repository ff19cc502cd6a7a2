import { describe, expect, it } from "vitest";
import { resolveBaseUrl } from "../../src/lib/base-url.ts";
import { contentErrorOf } from "../support/errors.ts";

describe("resolveBaseUrl", () => {
  it("prefers SITE_URL over the default", () => {
    expect(resolveBaseUrl("https://example.org/", "http://localhost:8080")).toBe(
      "https://example.org",
    );
  });

  it("falls back to the default when SITE_URL is unset or empty", () => {
    expect(resolveBaseUrl(undefined, "http://localhost:8080")).toBe("http://localhost:8080");
    expect(resolveBaseUrl("", "http://localhost:8080")).toBe("http://localhost:8080");
  });

  it("refuses an address that is not a web address, naming SITE_URL", () => {
    expect(() => resolveBaseUrl("example.org", "http://localhost:8080")).toThrow(
      /not a web address/,
    );
    expect(() => resolveBaseUrl("ftp://example.org", "http://localhost:8080")).toThrow(
      /origin only/,
    );
  });

  it("refuses a sub-folder, which root-relative links would break", () => {
    expect(() => resolveBaseUrl("https://example.org/site/", "http://localhost:8080")).toThrow(
      /no path/,
    );
  });

  it("names where a refused address came from: SITE_URL, or the default's field in data/site.ts", () => {
    const fromEnvironment = contentErrorOf(() =>
      resolveBaseUrl("https://gesundheit.example.org/sub/", "http://localhost:8080"),
    );
    expect(fromEnvironment.location).toEqual({ file: "SITE_URL (environment variable)" });
    const fromData = contentErrorOf(() => resolveBaseUrl(undefined, "http://localhost:8080/sub/"));
    expect(fromData.location).toEqual({ file: "data/site.ts", key: "defaultBaseUrl" });
  });

  it("refuses a user name in the address, which would be dropped without a word", () => {
    expect(() =>
      resolveBaseUrl("https://user:secret@example.org", "http://localhost:8080"),
    ).toThrow(/origin only/);
  });
});
