import { describe, expect, it } from "vitest";
import type { PageSource } from "../../../src/lib/page-sources.ts";
import { pageVersion, textVersion } from "../../../src/checks/i18n/versions.ts";
import { readFrontMatter } from "../../../src/lib/front-matter.ts";
import { baseFiles, findingsOf } from "./fixture.ts";

const german = baseFiles["src/site/de/start.md"] ?? "";
const english = baseFiles["src/site/en/home.md"] ?? "";

function page(text: string): PageSource {
  return { file: "src/site/de/start.md", language: "de", text, ...readFrontMatter(text) };
}

describe("source versions", () => {
  const original = pageVersion(page(german));

  it("ignore edits of whitespace only", () => {
    const rewrapped = german
      .replace("Es gibt {% fact", "Es gibt\n{% fact")
      .replace("Mehr Text.", "Mehr   Text.\n\n")
      .replace("description: Die Startseite.", "description:   Die Startseite.");
    expect(pageVersion(page(rewrapped))).toBe(original);
    expect(textVersion("Zum  Inhalt\nspringen ")).toBe(textVersion("Zum Inhalt springen"));
  });

  it("change with the body's words and with the translated front-matter fields", () => {
    expect(pageVersion(page(german.replace("Mehr Text.", "Noch mehr Text.")))).not.toBe(original);
    expect(pageVersion(page(german.replace("title: Start", "title: Anfang")))).not.toBe(original);
    expect(pageVersion(page(german.replace("Die Startseite.", "Die erste Seite.")))).not.toBe(
      original,
    );
    expect(pageVersion(page(german.replace("---\nEs", "navTitle: Start\n---\nEs")))).not.toBe(
      original,
    );
  });

  it("do not change with fields that are not translated", () => {
    const edited = german
      .replace("translationKey: home", "translationKey: start")
      .replace("---\nEs", 'layout: layouts/other.njk\ntranslatedFrom: "abc"\n---\nEs');
    expect(pageVersion(page(edited))).toBe(original);
  });
});

describe("outdated detection", () => {
  it("warns that a translated page is not yet marked, naming both files", async () => {
    const findings = await findingsOf("page-not-marked");
    expect(
      findings.map((finding) => [finding.severity, finding.location, ...(finding.related ?? [])]),
    ).toEqual([
      [
        "warning",
        { file: "src/site/en/home.md", key: "translatedFrom" },
        { file: "src/site/de/start.md" },
      ],
    ]);
    expect(findings[0]?.message).toContain("npm run i18n:mark -- src/site/en/home.md");
  });

  it("warns that a page translated from another version of its source is outdated", async () => {
    const findings = await findingsOf("page-outdated", {
      "src/site/en/home.md": english.replace(
        "---\nThere",
        'translatedFrom: "0123456789ab"\n---\nThere',
      ),
    });
    expect(
      findings.map((finding) => [finding.severity, finding.location, ...(finding.related ?? [])]),
    ).toEqual([
      [
        "warning",
        { file: "src/site/en/home.md", line: 5, key: "translatedFrom" },
        { file: "src/site/de/start.md" },
      ],
    ]);
    expect(findings[0]?.message).toContain("the German page src/site/de/start.md has changed");
  });

  it("warns that a text translated from another version of its German text is outdated, naming both files", async () => {
    const findings = await findingsOf("key-outdated", {
      "locales/translated-from.json": `{\n  "en": {\n    "common.greeting": "0123456789ab"\n  }\n}\n`,
    });
    expect(findings.map((finding) => [finding.location, ...(finding.related ?? [])])).toEqual([
      [
        { file: "locales/en/common.json", line: 2, column: 3, key: "common.greeting" },
        { file: "locales/de/common.json", line: 2, column: 3, key: "common.greeting" },
      ],
    ]);
    expect(findings[0]?.message).toContain("locales/de/common.json:2 has changed");
    expect(findings[0]?.message).toContain("npm run i18n:mark -- --keys common.greeting");
  });

  it("warns about record entries for texts that are gone, at their line", async () => {
    const findings = await findingsOf("record-stale", {
      "locales/translated-from.json": `{\n  "en": {\n    "common.gone": "0123456789ab"\n  }\n}\n`,
    });
    expect(findings.map((finding) => finding.location)).toEqual([
      { file: "locales/translated-from.json", line: 3, column: 5, key: "common.gone" },
    ]);
  });

  it("reports a record that is broken or holds something other than versions", async () => {
    const broken = await findingsOf("record-invalid", {
      "locales/translated-from.json": `{\n  "en": {\n    "common.greeting": "0123456789ab",\n  }\n}\n`,
    });
    expect(
      broken.map((finding) => [finding.severity, finding.location.file, finding.location.line]),
    ).toEqual([["error", "locales/translated-from.json", 4]]);
    const wrong = await findingsOf("record-invalid", {
      "locales/translated-from.json": `{\n  "en": {\n    "common.greeting": "yesterday"\n  }\n}\n`,
    });
    expect(wrong.map((finding) => finding.location)).toEqual([
      { file: "locales/translated-from.json", line: 3, column: 5, key: "en.common.greeting" },
    ]);
  });
});
