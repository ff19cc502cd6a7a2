import { describe, expect, it } from "vitest";
import { parseAllowList } from "../../../src/checks/duplicates/allow-list.ts";
import { checkDuplicates } from "../../../src/checks/duplicates/check.ts";
import { collectFiles, readFiles } from "../../../src/checks/duplicates/files.ts";
import type { CheckableFile } from "../../../src/checks/duplicates/types.ts";
import { checkFixtures, fixturesRoot, summarise } from "./fixtures.ts";

async function fixtureFiles(folder: string): Promise<CheckableFile[]> {
  return readFiles(await collectFiles([folder], fixturesRoot), { cwd: fixturesRoot });
}

function allowList(entries: object[]) {
  return parseAllowList("duplicates-allow.json", JSON.stringify({ entries }));
}

describe("checkDuplicates", () => {
  it("reports a body pasted twice as one run with both line ranges, front matter counted", async () => {
    const report = await checkFixtures(["run"]);
    expect(summarise(report)).toEqual([
      "repeated-run run/de/pflege.md:9-16, run/de/pflege.md:18-31",
    ]);
    expect(report.findings[0]?.blockCount).toBe(5);
  });

  it("reports a paragraph repeated on another page, despite different wrapping and markup", async () => {
    const report = await checkFixtures(["exact"]);
    expect(summarise(report)).toEqual([
      "exact-repeat exact/de/forschung.md:11-12, exact/de/krankenhaeuser.md:11-11",
    ]);
    expect(report.findings[0]?.excerpt).toMatch(/^Im ländlichen Raum sichern kleine Häuser/);
  });

  it("reports a 21-word paragraph repeated with one word changed as a near repeat", async () => {
    const report = await checkFixtures(["near"]);
    expect(summarise(report)).toEqual([
      "near-repeat near/de/medizintechnik.md:9-9, near/de/unternehmen.md:11-11",
    ]);
    expect(report.findings[0]?.similarity).toBeGreaterThanOrEqual(0.8);
  });

  it("reports German text left on the English page, but not a list of names", async () => {
    const report = await checkFixtures(["untranslated"]);
    expect(summarise(report)).toEqual([
      "untranslated untranslated/de/standort.md:11-11, untranslated/en/location.md:11-11",
    ]);
    expect(report.findings[0]?.occurrences.map((occurrence) => occurrence.lang)).toEqual([
      "de",
      "en",
    ]);
  });

  it("reports a repeated heading with its body once, not each of its paragraphs", async () => {
    const report = await checkFixtures(["sections"]);
    expect(summarise(report)).toEqual([
      "exact-repeat sections/de/finanzierung.md:11-15, sections/de/gruendung.md:9-13",
    ]);
    expect(report.findings[0]?.occurrences[0]?.blockKind).toBe("section");
  });

  it("reports repeats in the main content of built pages, not in their header or footer", async () => {
    const report = await checkFixtures(["html"]);
    expect(summarise(report)).toEqual([
      "exact-repeat html/de/eins.html:32-33, html/de/zwei.html:33-34",
    ]);
  });

  it("does not report short text that legitimately recurs", async () => {
    const report = await checkFixtures(["short"]);
    expect(report.findings).toEqual([]);
    expect(report.blockCount).toBe(8);
  });

  it("does not compare a Markdown source with the page built from it", () => {
    const paragraph = "Die Kliniken der Region bilden jedes Jahr Hunderte junge Menschen aus.";
    const report = checkDuplicates([
      { path: "src/site/de/kliniken.md", format: "markdown", content: `${paragraph}\n` },
      {
        path: "_site/de/kliniken/index.html",
        format: "html",
        content: `<html lang="de"><body><main><p>${paragraph}</p></main></body></html>`,
      },
    ]);
    expect(report.findings).toEqual([]);
  });

  it("reports a repeat that the sources and their built pages show once, on the sources", () => {
    const paragraph = "Die Kliniken der Region bilden jedes Jahr Hunderte junge Menschen aus.";
    const built = (path: string): CheckableFile => ({
      path,
      format: "html",
      content: `<html lang="de"><body><main><p>${paragraph}</p></main></body></html>`,
    });
    const report = checkDuplicates([
      { path: "src/site/de/a.md", format: "markdown", content: `${paragraph}\n` },
      { path: "src/site/de/b.md", format: "markdown", content: `# B\n\n${paragraph}\n` },
      built("_site/de/a/index.html"),
      built("_site/de/b/index.html"),
    ]);
    expect(summarise(report)).toEqual(["exact-repeat src/site/de/a.md:1-1, src/site/de/b.md:3-3"]);
  });

  it("does not report paragraphs that only share their topic", () => {
    const report = checkDuplicates([
      {
        path: "de/a.md",
        format: "markdown",
        content:
          "Die Medizintechnik in der Region beschäftigt viele Menschen in kleinen Unternehmen.\n\n" +
          "Die Pflege in der Region beschäftigt viele Menschen in ambulanten Diensten und Heimen.\n",
      },
    ]);
    expect(report.findings).toEqual([]);
  });

  it("finds near repeats of one language among pages of several languages", () => {
    const page = (path: string, text: string): CheckableFile => ({
      path,
      format: "markdown",
      content: `${text}\n`,
    });
    const report = checkDuplicates([
      page("de/a.md", "Die Kliniken der Region bilden jedes Jahr viele junge Menschen aus."),
      page("en/a.md", "Every year the hospitals of the region train many young people."),
      page("de/b.md", "Die Kliniken der Region bilden jedes Jahr zahlreiche junge Menschen aus."),
    ]);
    expect(summarise(report)).toEqual(["near-repeat de/a.md:1-1, de/b.md:1-1"]);
  });

  it("does not report the same text as near repeat across languages", () => {
    const report = checkDuplicates([
      {
        path: "de/a.md",
        format: "markdown",
        content: "Die Kliniken der Region bilden jedes Jahr viele junge Menschen aus.\n",
      },
      {
        path: "en/a.md",
        format: "markdown",
        content: "Die Kliniken der Region bilden jedes Jahr zahlreiche junge Menschen aus.\n",
      },
    ]);
    expect(report.findings).toEqual([]);
  });
});

describe("repeated runs", () => {
  const long = [
    "Die Gesundheitsämter beraten Schulen und Kitas bei allen Fragen zur Hygiene.",
    "Im Sommer informieren sie zusätzlich über Hitzeschutz für ältere Menschen.",
  ];
  const text = (blocks: string[]) =>
    checkDuplicates([{ path: "q.txt", format: "text", content: blocks.join("\n\n") }]);

  it("reports a run standing three times as one finding with three ranges", () => {
    const report = text([...long, ...long, "Zwischentitel", ...long]);
    expect(summarise(report)).toEqual(["repeated-run q.txt:1-3, q.txt:5-7, q.txt:11-13"]);
  });

  it("does not report a run made only of short lines", () => {
    expect(
      text(["Kontakt", "Telefon 030 1234567", "Kontakt", "Telefon 030 1234567"]).findings,
    ).toEqual([]);
  });

  it("reports a single block repeated in the same page as an exact repeat", () => {
    const report = text([long[0] ?? "", "Zwischentitel", long[0] ?? ""]);
    expect(summarise(report)).toEqual(["exact-repeat q.txt:1-1, q.txt:5-5"]);
  });
});

describe("the allow-list", () => {
  it("accepts a repeat by its hash, with the written reason", async () => {
    const unaccepted = await checkFixtures(["exact"]);
    const hash = unaccepted.findings[0]?.hash ?? "";
    const report = await checkFixtures(["exact"], {
      allowList: allowList([
        { hash, reason: "Beide Seiten beschreiben dieselbe Notfallversorgung." },
      ]),
    });
    expect(report.findings).toEqual([]);
    expect(report.accepted.map((accepted) => accepted.reason)).toEqual([
      "Beide Seiten beschreiben dieselbe Notfallversorgung.",
    ]);
    expect(report.unusedAllowEntries).toEqual([]);
  });

  it("accepts a repeat by its text, whatever its wrapping and markup", async () => {
    const report = await checkFixtures(["exact"], {
      allowList: allowList([
        {
          text: "Im ländlichen Raum sichern **kleine Häuser** die Notfallversorgung und arbeiten dafür mit größeren Zentren zusammen.",
          reason: "Gewollt",
        },
      ]),
    });
    expect(report.findings).toEqual([]);
  });

  it("no longer accepts the repeat once its text is edited", async () => {
    const unaccepted = await checkFixtures(["exact"]);
    const entries = allowList([{ hash: unaccepted.findings[0]?.hash, reason: "Gewollt" }]);
    const edited = (await fixtureFiles("exact")).map((file) => ({
      ...file,
      content: file.content.replace("Notfallversorgung", "Grundversorgung"),
    }));
    const report = checkDuplicates(edited, { allowList: entries });
    expect(summarise(report)).toEqual([
      "exact-repeat exact/de/forschung.md:11-12, exact/de/krankenhaeuser.md:11-11",
    ]);
    expect(report.unusedAllowEntries).toEqual(entries);
  });

  it("accepts a repeat only in the files an entry lists", async () => {
    const unaccepted = await checkFixtures(["exact"]);
    const hash = unaccepted.findings[0]?.hash;
    const narrow = await checkFixtures(["exact"], {
      allowList: allowList([{ hash, reason: "Gewollt", files: ["exact/de/forschung.md"] }]),
    });
    expect(narrow.findings).toHaveLength(1);
    const wide = await checkFixtures(["exact"], {
      allowList: allowList([
        {
          hash,
          reason: "Gewollt",
          files: ["./exact/de/forschung.md", "exact/de/krankenhaeuser.md"],
        },
      ]),
    });
    expect(wide.findings).toEqual([]);
  });
});
