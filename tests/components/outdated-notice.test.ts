import { writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { outdatedNotice } from "../../src/components/outdated-notice.ts";
import { pageFileVersion } from "../../src/lib/translation-version.ts";
import type { PageRef } from "../../src/lib/pages.ts";
import { parseHtml } from "../support/html.ts";
import { makeTempDir } from "../support/temp.ts";

const t = (key: string) => `[${key}]`;

async function germanPage(): Promise<PageRef> {
  const folder = await makeTempDir("gw-notice-");
  const inputPath = path.join(folder, "kennzahlen.md");
  await writeFile(inputPath, "---\ntitle: Kennzahlen\ndescription: Zahlen.\n---\nText.\n");
  return {
    url: "/de/kennzahlen/",
    title: "Kennzahlen",
    navTitle: "Kennzahlen",
    inputPath,
    sitemap: true,
  };
}

describe("outdated translation notice", () => {
  it("links an outdated translation to its German page, marked as German", async () => {
    const source = await germanPage();
    const notice = outdatedNotice({ language: "en", translatedFrom: "0123456789ab", source, t });
    const [link] = parseHtml(notice.markup).all((element) => element.name === "a");
    expect(notice.markup).toContain("[translation.outdatedNotice]");
    expect(link?.attribs).toEqual({ href: "/de/kennzahlen/", hreflang: "de", lang: "de" });
  });

  it("says nothing when the translation was made from the German as it is now, or is not marked", async () => {
    const source = await germanPage();
    const current = pageFileVersion(source.inputPath);
    expect(outdatedNotice({ language: "en", translatedFrom: current, source, t }).markup).toBe("");
    expect(outdatedNotice({ language: "en", translatedFrom: undefined, source, t }).markup).toBe(
      "",
    );
    expect(
      outdatedNotice({ language: "de", translatedFrom: "0123456789ab", source, t }).markup,
    ).toBe("");
  });
});
