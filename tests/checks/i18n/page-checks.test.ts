import { describe, expect, it } from "vitest";
import { checkTranslations } from "../../../src/checks/i18n/check.ts";
import { baseFiles, createFixture, findingsOf, problems } from "./fixture.ts";

const german = baseFiles["src/site/de/start.md"] ?? "";
const english = baseFiles["src/site/en/home.md"] ?? "";

describe("page pair checks", () => {
  it("reports a German page without English twin at its translationKey line", async () => {
    const findings = await findingsOf("page", { "src/site/en/home.md": null });
    expect(findings.map((finding) => [finding.severity, finding.location])).toEqual([
      ["error", { file: "src/site/de/start.md", line: 4, key: "translationKey" }],
    ]);
    expect(findings[0]?.message).toContain("has no English twin");
  });

  it("reports an English page without German twin", async () => {
    const findings = await findingsOf("page", {
      "src/site/en/extra.md":
        "---\ntitle: Extra\ndescription: More.\ntranslationKey: extra\n---\nText.\n",
    });
    expect(findings.map((finding) => finding.location)).toEqual([
      { file: "src/site/en/extra.md", line: 4, key: "translationKey" },
    ]);
    expect(findings[0]?.message).toContain("has no German twin");
  });

  it("accepts a page that says why it exists in one language only", async () => {
    const findings = await findingsOf("page", {
      "src/site/en/home.md": null,
      "src/site/de/start.md": german.replace(
        "---\nEs",
        "onlyInThisLanguage: Nur für Leser in Deutschland.\n---\nEs",
      ),
    });
    expect(findings).toEqual([]);
  });

  it("reports every page problem, not only the first", async () => {
    const findings = await findingsOf("page", {
      "src/site/en/home.md": english.replace("title: Home\n", ""),
      "src/site/en/extra.md":
        "---\ntitle: Extra\ndescription: More.\ntranslationKey: extra\n---\nText.\n",
    });
    expect(findings.map((finding) => finding.location.file).sort()).toEqual([
      "src/site/en/extra.md",
      "src/site/en/home.md",
    ]);
  });

  it.each([
    [
      "a field pages may not use",
      (page: string) => page.replace("translationKey:", "tags: [a]\ntranslationKey:"),
    ],
    [
      "front matter YAML cannot read",
      (page: string) => page.replace("title: Start", 'title: "Start'),
    ],
    ["no title", (page: string) => page.replace("title: Start\n", "")],
  ])(
    "reports a German page with %s once, and not its English twin as lacking one",
    async (_what, edit) => {
      const root = await createFixture({ "src/site/de/start.md": edit(german) });
      const findings = problems(await checkTranslations({ projectRoot: root }));
      expect(findings.map((finding) => finding.location.file)).toEqual(["src/site/de/start.md"]);
      expect(findings[0]?.message).not.toContain("twin");
    },
  );

  it("reports an English page with the title of another once, and not its German twin as lacking one", async () => {
    const root = await createFixture({
      "src/site/en/extra.md":
        "---\ntitle: Home\ndescription: More.\ntranslationKey: extra\n---\nText.\n",
      "src/site/de/extra.md":
        "---\ntitle: Mehr\ndescription: Mehr.\ntranslationKey: extra\n---\nText.\n",
    });
    const findings = problems(await checkTranslations({ projectRoot: root }));
    expect(findings.map((finding) => [finding.location.file, finding.message])).toEqual([
      [
        "src/site/en/home.md",
        expect.stringContaining("has the same title as src/site/en/extra.md"),
      ],
    ]);
  });

  it("reports front matter that is not valid YAML at its line and column in the file", async () => {
    const findings = await findingsOf("front-matter", {
      "src/site/en/home.md": english.replace("title: Home", "title: Home: again"),
    });
    expect(findings.map((finding) => finding.location)).toEqual([
      { file: "src/site/en/home.md", line: 2, column: 12 },
    ]);
    expect(findings[0]?.message).toContain("bad indentation of a mapping entry");
  });

  it("reports headings of other levels at the heading in each file", async () => {
    const findings = await findingsOf("headings-differ", {
      "src/site/en/home.md": english.replace("## Second section", "### Second section"),
    });
    expect(findings.map((finding) => [finding.location, ...(finding.related ?? [])])).toEqual([
      [
        { file: "src/site/en/home.md", line: 12 },
        { file: "src/site/de/start.md", line: 12 },
      ],
    ]);
    expect(findings[0]?.message).toContain(
      'heading 2 ("### Second section") is a level 3 heading here, but level 2 in src/site/de/start.md:12 ("## Zweiter Abschnitt")',
    );
  });

  it("reports a heading the translation lacks where it stands in the German page", async () => {
    const findings = await findingsOf("headings-differ", {
      "src/site/en/home.md": english.replace("## Second section\n\n", ""),
    });
    expect(findings.map((finding) => [finding.location, ...(finding.related ?? [])])).toEqual([
      [
        { file: "src/site/de/start.md", line: 12 },
        { file: "src/site/en/home.md", line: 8 },
      ],
    ]);
    expect(findings[0]?.message).toContain(
      "has no match in src/site/en/home.md, which has only 1 heading",
    );
  });

  it("reports a fact the translation leaves out, at its use in the German page", async () => {
    const findings = await findingsOf("facts-differ", {
      "src/site/en/home.md": english.replace(
        'Text with {% fact "a.share" %}.',
        "Text with a share.",
      ),
    });
    expect(findings.map((finding) => [finding.location, ...(finding.related ?? [])])).toEqual([
      [
        { file: "src/site/de/start.md", line: 10, column: 18, key: "a.share" },
        { file: "src/site/en/home.md" },
      ],
    ]);
    expect(findings[0]?.message).toContain(
      'gives the fact "a.share" once (line 10), but src/site/en/home.md gives it not at all',
    );
  });

  it("reports a fact the translation gives more often, at the use without counterpart", async () => {
    const findings = await findingsOf("facts-differ", {
      "src/site/en/home.md": english.replace("More text.", 'More text about {% fact "a.count" %}.'),
    });
    expect(findings.map((finding) => [finding.location, ...(finding.related ?? [])])).toEqual([
      [
        { file: "src/site/en/home.md", line: 14, column: 25, key: "a.count" },
        { file: "src/site/de/start.md", line: 6 },
      ],
    ]);
    expect(findings[0]?.message).toContain("twice (lines 6, 14)");
  });
});
