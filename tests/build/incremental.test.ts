import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { glob } from "tinyglobby";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildProblem, startDevServer, type DevServer } from "../../scripts/lib/dev-server.ts";
import { parseHtml, tag, text } from "../support/html.ts";
import { copyProject, editFile } from "../support/project.ts";

/** Bounds on the dev server, generous for a busy machine: a failure never hangs the run. */
const firstBuildMs = 90_000;
const rebuildMs = 30_000;

interface Snapshot {
  bytes: string;
  mtimeMs: number;
}

async function snapshot(outputDir: string): Promise<Map<string, Snapshot>> {
  const files = await glob("**/*.html", { cwd: outputDir });
  const entries = await Promise.all(
    files.map(async (file): Promise<[string, Snapshot]> => {
      const absolute = path.join(outputDir, file);
      const [bytes, info] = await Promise.all([readFile(absolute, "utf8"), stat(absolute)]);
      return [file, { bytes, mtimeMs: info.mtimeMs }];
    }),
  );
  return new Map(entries);
}

describe("npm start (incremental rebuilds)", () => {
  let root: string;
  let server: DevServer;

  beforeAll(async () => {
    root = await copyProject();
    server = await startDevServer(root, firstBuildMs);
  }, firstBuildMs + 30_000);

  afterAll(async () => {
    await server.stop();
  });

  /** Edits a file of the copy and waits until the rebuild it starts has finished. */
  async function editAndRebuild(file: string, edit: (text: string) => string): Promise<string> {
    const text = edit(await readFile(path.join(root, file), "utf8"));
    return server.rebuildAfterWriting(file, text, rebuildMs);
  }

  /**
   * Saves the privacy page with a heading renamed, and asserts that its built page has the new
   * heading and is the only built file that changed (bytes or modification time).
   */
  async function expectOnlySavedPageRewritten(from: string, to: string, id: string) {
    const page = "de/datenschutz/index.html";
    const before = await snapshot(server.outputDir);
    expect(before.has(page)).toBe(true);
    const printed = await editAndRebuild("src/site/de/datenschutz.md", (source) =>
      source.replace(`## ${from}`, `## ${to}`),
    );
    expect(printed, buildProblem(printed)).not.toMatch(/broken link|Problem writing/);
    const after = await snapshot(server.outputDir);
    const heading = parseHtml(after.get(page)?.bytes ?? "").first(tag("h2", { id }));
    expect(text(heading)).toBe(to);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    const changed = [...after].filter(([file, now]) => {
      const then = before.get(file);
      return then?.bytes !== now.bytes || then.mtimeMs !== now.mtimeMs;
    });
    expect(changed.map(([file]) => file)).toEqual([page]);
  }

  it("rewrites a saved German page and leaves every other page as it was, byte for byte", async () => {
    await expectOnlySavedPageRewritten(
      "Server-Protokolle",
      "Protokolle des Servers",
      "protokolle-des-servers",
    );
  });

  it("reports a broken link written into a saved page, and no more once it is mended", async () => {
    const file = "src/site/de/datenschutz.md";
    const original = await readFile(path.join(root, file), "utf8");
    const printed = await editAndRebuild(file, (source) =>
      source.replace("## Ihre Rechte", "[Weiter](/de/gibt-es-nicht/)\n\n## Ihre Rechte"),
    );
    const edited = (await readFile(path.join(root, file), "utf8")).split("\n");
    const line = edited.findIndex((text) => text.includes("/de/gibt-es-nicht/")) + 1;
    expect(printed, printed.replaceAll("\n", " | ")).toContain("1 broken link(s)");
    expect(printed).toContain(
      `${file}:${line}: the link "/de/gibt-es-nicht/" leads to a page that does not exist`,
    );
    const mended = await editAndRebuild(file, () => original);
    expect(mended, buildProblem(mended)).not.toMatch(/broken link|Problem writing/);
  });

  it("rebuilds every page when a locale file changes, with the new text", async () => {
    const printed = await editAndRebuild("locales/de/common.json", (source) =>
      source.replace('"(externer Link)"', '"(Link zu einer anderen Website)"'),
    );
    expect(printed, buildProblem(printed)).not.toMatch(/Problem writing/);
    const html = await readFile(
      path.join(server.outputDir, "de/barrierefreiheit/index.html"),
      "utf8",
    );
    const markers = parseHtml(html).all(tag("span", { class: "visually-hidden" }));
    expect(markers.map(text)).toContain(" (Link zu einer anderen Website)");
  });

  it("rewrites only a saved page again after a locale change rebuilt every page", async () => {
    await expectOnlySavedPageRewritten(
      "Protokolle des Servers",
      "Protokolle des Webservers",
      "protokolle-des-webservers",
    );
  });
});

describe("npm start with a page that does not build", () => {
  it("ends at its first build, naming the problem on the message's first line", async () => {
    const root = await copyProject();
    await editFile(root, "src/site/de/datenschutz.md", (source) =>
      source.replace("## Ihre Rechte", "[Weiter](/de/gibt-es-nicht/)\n\n## Ihre Rechte"),
    );
    const started = startDevServer(root, firstBuildMs);
    await expect(started).rejects.toThrow(
      /^the dev server ended before \/Watching…\/: Problem writing.*1 broken link\(s\).*\/de\/gibt-es-nicht\//,
    );
  });
});
