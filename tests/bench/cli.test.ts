import { readFile, rm } from "node:fs/promises";
import path from "node:path";
import { glob } from "tinyglobby";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { splitPage } from "../../src/lib/front-matter.ts";
import { loadSiteData } from "../../src/lib/data/load.ts";
import { projectFolders } from "../../src/lib/project.ts";
import { projectRoot, runScript, type CommandResult } from "../support/project.ts";
import { makeTempDir } from "../support/temp.ts";

const stableKeys = [
  "build.ratio",
  "build.seconds",
  "build.baselineSeconds",
  "serve.incrementalSeconds",
  "duplicates.seconds",
  "duplicates.peakRssMiB",
  "i18n.seconds",
  "a11y.secondsPerPage",
  "a11y.baselineSecondsPerPage",
  "a11y.realSiteSecondsPerPage",
  "a11y.realSiteBaselineSecondsPerPage",
  "a11y.realSiteRatio",
  "a11y.cachedRunSeconds",
  "pageWeight.maxGzipBytes",
  "pageWeight.jsBytes",
  "pageWeight.fontFiles",
  "pageWeight.fontBytes",
  "pageWeight.perPage",
  "test.seconds",
  "machine.cpus",
  "machine.memoryGiB",
  "machine.node",
  "machine.date",
];

function at(report: unknown, key: string): unknown {
  return key
    .split(".")
    .reduce<unknown>(
      (value, part) =>
        typeof value === "object" && value !== null && part in value
          ? (value as Record<string, unknown>)[part]
          : Symbol.for("missing"),
      report,
    );
}

/** A synthetic page as the benchmark wrote it into its kept copy of the project. */
interface WrittenPage {
  file: string;
  translationKey: string;
  text: string;
  body: string;
}

const factShortcodes = (text: string) =>
  [...text.matchAll(/\{% fact "([^"]+)" %\}/g)].map((match) => match[1]);

/** The body's paragraphs: blocks between blank lines that are not headings. */
const paragraphsOf = (body: string) =>
  body
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter((block) => block !== "" && !block.startsWith("#"));

describe("npm run bench", () => {
  let run: CommandResult;
  let report: unknown;
  let kept: string[] = [];
  let pages: WrittenPage[] = [];

  // One small run, its temporary copies kept, serves every test below: the benchmark is
  // tested through its command line only.
  beforeAll(async () => {
    const folder = await makeTempDir("gw-bench-test-");
    const reportFile = path.join(folder, "bench.json");
    run = runScript(projectRoot, "scripts/bench.ts", [
      "--quick",
      "--pages",
      "20",
      "--no-a11y",
      "--keep",
      "--report",
      reportFile,
    ]);
    kept = /^Kept: (.*)$/m.exec(run.output)?.[1]?.split(", ") ?? [];
    report = JSON.parse(await readFile(reportFile, "utf8"));
    const site = kept.find((folder) => path.basename(folder).startsWith("gw-bench-site-")) ?? "";
    // The synthetic pages: those of the copy that the project itself does not have.
    const own = new Set(await glob(`${projectFolders.site}/**/*.md`, { cwd: projectRoot }));
    const files = (await glob(`${projectFolders.site}/**/*.md`, { cwd: site }))
      .filter((file) => !own.has(file))
      .sort();
    pages = await Promise.all(
      files.map(async (file) => {
        const text = await readFile(path.join(site, file), "utf8");
        const { frontMatterText, body } = splitPage(text);
        const translationKey = /^translationKey: (.*)$/m.exec(frontMatterText)?.[1] ?? "";
        return { file, translationKey, text, body };
      }),
    );
  });

  afterAll(async () => {
    await Promise.all(kept.map((folder) => rm(folder, { recursive: true, force: true })));
  });

  it("measures a small synthetic site and writes every stable key of the report", () => {
    expect(run.status, run.output).toBe(0);
    expect(run.stdout).toMatch(
      /\| Build time vs bare Eleventy \(`build\.ratio`\) \| \d+\.\d+ × \|/,
    );
    for (const key of stableKeys) expect(at(report, key), key).not.toBe(Symbol.for("missing"));
    expect(at(report, "build.pages")).toBe(40);
    expect(at(report, "build.seconds")).toBeGreaterThan(0);
    expect(at(report, "build.ratio")).toBeGreaterThan(0);
    expect(at(report, "serve.incrementalSeconds")).toBeGreaterThan(0);
    expect(at(report, "serve.runs")).toBe(3);
    expect(at(report, "pageWeight.maxGzipBytes")).toBeGreaterThan(0);
    expect(run.stdout).toMatch(
      /\| Page weight, de\/kennzahlen\/index\.html \| [\d,]+ B \| < 14,336 B \| yes \|/,
    );
    expect(at(report, "a11y.secondsPerPage")).toBeNull();
    expect(at(report, "a11y.realSiteRatio")).toBeNull();
    expect(at(report, "test.seconds")).toBeNull();
  });

  it("writes a German and an English page for every translation key, in their language folders", () => {
    expect(pages).toHaveLength(40);
    const keys = new Set(pages.map((page) => page.translationKey));
    expect(keys.size).toBe(20);
    for (const key of keys) {
      const twins = pages.filter((page) => page.translationKey === key);
      expect(twins.map((page) => path.dirname(page.file)).sort()).toEqual([
        projectFolders.pages("de"),
        projectFolders.pages("en"),
      ]);
    }
  });

  it("never writes the same paragraph twice", () => {
    const paragraphs = pages.flatMap((page) => paragraphsOf(page.body));
    expect(paragraphs.length).toBeGreaterThanOrEqual(pages.length * 3);
    expect(new Set(paragraphs).size).toBe(paragraphs.length);
  });

  it("gives the duplicate and translation checks nothing to report on the synthetic site", () => {
    expect(at(report, "duplicates.exitCode")).toBe(0);
    expect(at(report, "i18n.exitCode")).toBe(0);
  });

  it("inserts only facts that data/facts.ts defines, the same ones in both twins", async () => {
    const { facts } = await loadSiteData(path.join(projectRoot, projectFolders.data), projectRoot);
    for (const page of pages) {
      const inserted = factShortcodes(page.text);
      expect(inserted.length, page.file).toBeGreaterThan(0);
      for (const id of inserted) expect(Object.keys(facts)).toContain(id);
      const twin = pages.find(
        (other) => other.translationKey === page.translationKey && other.file !== page.file,
      );
      expect(factShortcodes(twin?.text ?? ""), page.file).toEqual(inserted);
    }
  });

  it("gives bare Eleventy the same pages with the facts' plain numbers instead of shortcodes", async () => {
    const bare = kept.find((folder) => path.basename(folder).startsWith("gw-bench-bare-")) ?? "";
    const bareFiles = (await glob("**/*.md", { cwd: bare })).sort();
    expect(bareFiles).toEqual(pages.map((page) => page.file).sort());
    for (const file of bareFiles) {
      const text = await readFile(path.join(bare, file), "utf8");
      expect(text, file).not.toContain("{%");
      expect(text, file).toMatch(/\d/);
    }
  });

  it("rejects an unknown option with the usage text and exit status 2", () => {
    const unknown = runScript(projectRoot, "scripts/bench.ts", ["--pagez", "3"]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/Unknown option '--pagez'[\s\S]*Usage: npm run bench/);
  });

  it("prints its help on the harness every command shares, and measures nothing", () => {
    const help = runScript(projectRoot, "scripts/bench.ts", ["--help"]);
    expect(help.status, help.output).toBe(0);
    expect(help.stdout).toContain("--pages N");
    expect(help.stdout).toMatch(/--debug[\s\S]*Exit status: 0 done/);
    expect(help.stderr).toBe("");
  });

  it("refuses a page count that is not a whole number of at least 2", () => {
    const tooFew = runScript(projectRoot, "scripts/bench.ts", ["--pages", "1"]);
    expect(tooFew.status).toBe(2);
    expect(tooFew.stderr).toMatch(/--pages expects a whole number of at least 2; got "1"/);
    expect(tooFew.stderr).not.toMatch(/^\s+at /m);
  });
});
