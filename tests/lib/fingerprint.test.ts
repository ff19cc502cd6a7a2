import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  fingerprintedPath,
  fingerprintStylesheet,
  looksFingerprinted,
} from "../../src/lib/fingerprint.ts";
import { makeTempDir } from "../support/temp.ts";

describe("fingerprintedPath", () => {
  it("puts ten hexadecimal digits of the content's hash before the extension, the same for the same content", () => {
    const one = fingerprintedPath("/assets/site.css", "body{}");
    expect(one).toMatch(/^\/assets\/site\.[0-9a-f]{10}\.css$/);
    expect(fingerprintedPath("/assets/site.css", "body{}")).toBe(one);
    expect(fingerprintedPath("/assets/site.css", "body{ }")).not.toBe(one);
    expect(looksFingerprinted(one)).toBe(true);
    expect(looksFingerprinted("/assets/site.css")).toBe(false);
    expect(looksFingerprinted("/assets/foto.2024.png")).toBe(false);
  });
});

describe("fingerprintStylesheet", () => {
  it("renames the stylesheet and its fonts by their content and points the stylesheet and every page at the new names", async () => {
    const site = await makeTempDir("gw-fingerprint-");
    const font = "/assets/fonts/fira-sans-400.woff2";
    const css = `@font-face{font-family:"Fira Sans";src:url("${font}") format("woff2")}body{}`;
    const page = '<link rel="stylesheet" href="/assets/site.css"><p>/assets/site.css</p>';
    await mkdir(path.join(site, "assets/fonts"), { recursive: true });
    await mkdir(path.join(site, "de"));
    await writeFile(path.join(site, "assets/site.css"), css);
    await writeFile(path.join(site, font), "wOF2 bytes");
    await writeFile(path.join(site, "de/index.html"), page);
    await writeFile(path.join(site, "index.html"), page);

    const stylesheet = await fingerprintStylesheet(site, "/assets/site.css");

    const renamedFont = fingerprintedPath(font, "wOF2 bytes");
    const renamedCss = css.replace(font, renamedFont);
    expect(stylesheet).toBe(fingerprintedPath("/assets/site.css", renamedCss));
    expect(await readFile(path.join(site, stylesheet), "utf8")).toBe(renamedCss);
    expect(await readFile(path.join(site, renamedFont), "utf8")).toBe("wOF2 bytes");
    for (const gone of ["/assets/site.css", font]) {
      expect(existsSync(path.join(site, gone)), gone).toBe(false);
    }
    for (const file of ["index.html", "de/index.html"]) {
      expect(await readFile(path.join(site, file), "utf8"), file).toBe(
        `<link rel="stylesheet" href="${stylesheet}"><p>/assets/site.css</p>`,
      );
    }
  });
});
