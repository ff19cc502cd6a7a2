import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Browser } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openCheckTab } from "../../src/checks/a11y/check-page.ts";
import { rtlLayoutProbe } from "../../src/checks/a11y/probes/rtl-layout.ts";
import { startSiteServer, type SiteServer } from "../../src/checks/a11y/server.ts";
import { attribute, parseHtml, tag } from "../support/html.ts";
import { buildInProcess, copyProject, runScript } from "../support/project.ts";
import { sharedBrowser } from "../support/browser.ts";
import { runProbeOn } from "../checks/a11y/fixtures.ts";

let root: string;
let server: SiteServer;
let browser: Browser;

beforeAll(async () => {
  root = await copyProject();
  const added = runScript(root, "scripts/lang-add.ts", ["ar", "--name", "العربية", "--dir", "rtl"]);
  expect(added.status, added.output).toBe(0);
  const built = await buildInProcess(root);
  expect(built.status, built.output).toBe(0);
  server = await startSiteServer(path.join(root, "_site"));
  browser = await sharedBrowser();
});

afterAll(async () => {
  await server.close();
});

describe("a right-to-left language added with lang:add", () => {
  it('builds its pages with dir="rtl" and its part of the root page marked so', async () => {
    const start = await readFile(path.join(root, "_site/ar/index.html"), "utf8");
    expect(start).toMatch(/<html lang="ar" dir="rtl"/);
    const chooser = parseHtml(await readFile(path.join(root, "_site/index.html"), "utf8"));
    const arabic = chooser.first(tag("section", { lang: "ar" }));
    expect(attribute(arabic, "dir")).toBe("rtl");
  });

  it("mirrors the layout: the right-to-left probe finds nothing on its pages", async () => {
    const tab = await openCheckTab(browser);
    for (const page of ["/ar/", "/ar/kennzahlen/"]) {
      expect(
        await runProbeOn(tab, server.origin, page, rtlLayoutProbe, { languages: ["ar"] }),
        page,
      ).toEqual([]);
    }
    await tab.close();
  });
});
