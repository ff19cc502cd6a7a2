import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { PNG } from "pngjs";
import { beforeAll, describe, expect, it } from "vitest";
import { gateReportSchema } from "../../../src/checks/gate.ts";
import { runGateCaptured } from "../../../src/checks/runner.ts";
import type { VisualDetails } from "../../../src/checks/visual/report.ts";
import { visualGate } from "../../../src/checks/visual/gate.ts";
import { parseHtml, tag, text, within } from "../../support/html.ts";
import { makeTempDir } from "../../support/temp.ts";
import { writeFiles } from "../a11y/fixtures.ts";

/**
 * A page of `paragraphs` short paragraphs, its title at the top and `last` at its foot. Each
 * page is photographed whole at two widths, compared and cut into thumbnails on every run, so
 * only the page whose foot changes is longer than the screens it must outgrow.
 */
const page = (title: string, last = "Ende der Seite.", paragraphs = 2) => `<!doctype html>
<html lang="de"><head><meta charset="utf-8"><title>${title}</title>
<link rel="stylesheet" href="/site.css"></head>
<body><main><h1>${title}</h1>${'<p class="note">Ein Absatz über die Gesundheitswirtschaft.</p>'.repeat(paragraphs)}<p>${last}</p></main></body></html>
`;

/** Paragraphs enough for a page over two phone screens high, its foot below its first two. */
const LONG = 52;

async function pngSize(root: string, image: string) {
  const { width, height } = PNG.sync.read(await readFile(path.join(root, "reports/visual", image)));
  return { width, height };
}

async function report(root: string) {
  const json = gateReportSchema.parse(
    JSON.parse(await readFile(path.join(root, "reports/visual/report.json"), "utf8")),
  );
  return { ...json, details: json.details as VisualDetails };
}

describe("npm run check:visual", () => {
  let root: string;

  beforeAll(async () => {
    root = await makeTempDir("gw-visual-");
    writeFiles(path.join(root, "_site"), {
      "site.css": "body { font-family: sans-serif; margin: 2rem; } .note { color: #1b1b1b; }",
      "index.html": page("Startseite"),
      "de/kennzahlen/index.html": page("Kennzahlen", undefined, LONG),
    });
  });

  it("takes every page at 390 and 1280 px and, with no earlier run, makes them the baseline", async () => {
    const run = await runGateCaptured(visualGate, [], root);
    expect(run.exitCode, run.stderr).toBe(0);
    const first = await report(root);
    expect(first.checked).toEqual({ pages: 2, screenshots: 4 });
    expect(first.details.shots.map((shot) => [shot.path, shot.width, shot.status])).toEqual([
      ["/", 390, "new"],
      ["/", 1280, "new"],
      ["/de/kennzahlen/", 390, "new"],
      ["/de/kennzahlen/", 1280, "new"],
    ]);
    const whole = await pngSize(root, "images/de-kennzahlen-390.png");
    expect(whole.width).toBe(390);
    expect(whole.height).toBeGreaterThan(2 * 844);
    expect(existsSync(path.join(root, ".cache/visual/baseline/de-kennzahlen-1280.png"))).toBe(true);
  });

  it("shows each page in the report as a thumbnail of its first screen, linking to the whole page", async () => {
    const first = await report(root);
    for (const shot of first.details.shots) {
      expect(shot.images.current.top).toBe(0);
      expect(shot.images.current.full).toMatch(/^images\/[\w-]+-\d+\.png$/);
      expect(await pngSize(root, shot.images.current.thumbnail)).toEqual({
        width: shot.width,
        height: shot.width === 390 ? 844 : 800,
      });
    }
    const html = parseHtml(await readFile(path.join(root, "reports/visual/report.html"), "utf8"));
    const links = html
      .all(tag("a"))
      .map((link) => [link.attribs.href, within(link, tag("img"))[0]?.attribs.src]);
    expect(links).toContainEqual(["images/root-390.png", "images/root-390.thumb.png"]);
  });

  it("reports the page that changed first, with its difference and share of pixels, thumbnails at the change, and leaves the other unchanged", async () => {
    await writeFile(
      path.join(root, "_site/de/kennzahlen/index.html"),
      page("Kennzahlen", "Ende der Seite über Kennzahlen im Vergleich.", LONG),
    );
    const run = await runGateCaptured(visualGate, [], root);
    expect(run.exitCode, run.stderr).toBe(0);
    const second = await report(root);
    expect(second.findings.map((finding) => [finding.url, finding.severity, finding.rule])).toEqual(
      [
        ["/de/kennzahlen/", "warning", "visual-change"],
        ["/de/kennzahlen/", "warning", "visual-change"],
      ],
    );
    expect(second.findings[0]?.message).toMatch(/^At 390 px, \d+\.\d\d % of the pixels changed/);
    const changed = second.details.shots.filter((shot) => shot.status === "changed");
    expect(changed.map((shot) => shot.path)).toEqual(["/de/kennzahlen/", "/de/kennzahlen/"]);
    for (const shot of changed) {
      expect(shot.share).toBeGreaterThan(0);
      expect(shot.share).toBeLessThan(0.5);
      // The change is at the foot of the page: the thumbnails show that screen, the diff's red in it.
      expect(shot.images.current.top).toBeGreaterThan(844);
      expect(shot.images.diff?.top).toBe(shot.images.current.top);
      const diff = PNG.sync.read(
        await readFile(path.join(root, "reports/visual", shot.images.diff?.thumbnail ?? "")),
      );
      expect(diff.height).toBe(shot.width === 390 ? 844 : 800);
      const red = diff.data.some(
        (_, index) => index % 4 === 0 && diff.data[index] === 255 && diff.data[index + 1] === 0,
      );
      expect(red).toBe(true);
      expect(shot.images.diff?.full).toMatch(/\.diff\.png$/);
      expect(shot.images.baseline?.thumbnail).toMatch(/\.baseline\.thumb\.png$/);
    }
    const unchanged = second.details.shots.filter((shot) => shot.path === "/");
    expect(unchanged.map((shot) => [shot.status, shot.images.current.full])).toEqual([
      ["unchanged", null],
      ["unchanged", null],
    ]);

    const html = parseHtml(await readFile(path.join(root, "reports/visual/report.html"), "utf8"));
    const headings = html.all(tag("h3")).map((heading) => text(heading));
    expect(headings[0]).toMatch(
      /^\/de\/kennzahlen\/ at \d+ px: changed, \d+\.\d\d % of the pixels$/,
    );
    expect(headings.at(-1)).toMatch(/^\/ at \d+ px: unchanged$/);
    const images = html.all(tag("img")).map((image) => image.attribs.src);
    expect(images).toContain("images/de-kennzahlen-390.diff.thumb.png");
    expect(html.all(tag("img")).every((image) => (image.attribs.alt ?? "") !== "")).toBe(true);
  });

  it("fails on a change with --strict, and keeps the baseline of the run that passed", async () => {
    await writeFile(path.join(root, "_site/index.html"), page("Gesundheitswirtschaft"));
    const run = await runGateCaptured(visualGate, ["--strict"], root);
    expect(run.exitCode).toBe(1);
    const third = await report(root);
    expect(third.details.baselineUpdated).toBe(false);
    expect(third.findings.map((finding) => finding.url)).toEqual(["/", "/"]);
  });

  it("cannot check a site that was not built (exit 2)", async () => {
    const empty = await makeTempDir("gw-visual-empty-");
    const run = await runGateCaptured(visualGate, [], empty);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(/does not exist\. Build the site first/);
  });
});
