import { describe, expect, it } from "vitest";
import { buildRealSite } from "./support/built-site.ts";

describe("programmatic build", () => {
  it("builds pages in both languages", async () => {
    const site = await buildRealSite();
    expect(site.pages.map((page) => page.url)).toContain("/en/north-rhine-westphalia/");
  });
});
