import { describe, expect, it } from "vitest";
import { resolveBaseUrl } from "../../src/lib/base-url.ts";

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
});
