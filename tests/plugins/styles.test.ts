import { describe, expect, it } from "vitest";
import { compileStylesheet } from "../../src/lib/stylesheet.ts";
import { projectRoot } from "../../src/lib/project.ts";
import { buildRealSite } from "../support/built-site.ts";
import { attribute, parseHtml, tag } from "../support/html.ts";

describe("the published stylesheet", () => {
  it("is the stylesheet compiled from KERN and the site's layer, linked by every page", async () => {
    const site = await buildRealSite();
    expect(await site.read("assets/site.css")).toBe((await compileStylesheet(projectRoot)).css);
    for (const page of site.pages) {
      const links = parseHtml(page.html).all(tag("link", { rel: "stylesheet" }));
      expect(
        links.map((link) => attribute(link, "href")),
        page.url,
      ).toEqual(["/assets/site.css"]);
    }
  });
});
