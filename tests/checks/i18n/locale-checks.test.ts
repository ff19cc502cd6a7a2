import { describe, expect, it } from "vitest";
import { createFixture, findingsOf, problems } from "./fixture.ts";
import { checkTranslations } from "../../../src/checks/i18n/check.ts";

const english = (body: string) => `{\n${body}\n}\n`;

describe("locale file checks", () => {
  it("passes the base fixture with nothing to fix", async () => {
    const root = await createFixture();
    expect(problems(await checkTranslations({ projectRoot: root }))).toEqual([]);
  });

  it("reports broken JSON with file, line and column, and still checks the other files", async () => {
    const findings = await findingsOf("invalid-json", {
      "locales/en/common.json": `{\n  "greeting": "Hello"\n  "items_one": "{{count}} item"\n}\n`,
    });
    expect(findings).toHaveLength(1);
    expect(findings[0]?.location).toEqual({ file: "locales/en/common.json", line: 3, column: 3 });
    expect(findings[0]?.severity).toBe("error");
    expect(findings[0]?.message).toMatch(/not valid JSON.*missing comma/);
  });

  it.each(["__proto__", "constructor", "prototype"])(
    "reports a text named %s with file, line and key, and nothing else about its file",
    async (name) => {
      const root = await createFixture({
        "locales/en/common.json": english(`  "greeting": "Hello",\n  "${name}": { "x": "y" }`),
      });
      const found = problems(await checkTranslations({ projectRoot: root }));
      expect(found.map((finding) => finding.rule)).toEqual(["reserved-key"]);
      expect(found[0]?.location).toEqual({
        file: "locales/en/common.json",
        line: 3,
        column: 3,
        key: `common.${name}`,
      });
      expect(found[0]?.message).toContain(`"${name}" cannot be the name of a text or group`);
      expect(({} as Record<string, unknown>).x).toBeUndefined();
    },
  );

  it("reports a $t chain 3,000 texts long at the text it starts from", async () => {
    const chain = Array.from(
      { length: 3000 },
      (_, index) => `  "k${index}": "${index === 2999 ? "end" : `a $t(common.k${index + 1})`}"`,
    );
    const findings = await findingsOf("unknown-key", {
      "locales/en/common.json": english(`  "greeting": "Hello",\n${chain.join(",\n")}`),
    });
    expect(findings).toHaveLength(1);
    expect(findings[0]?.location).toEqual({
      file: "locales/en/common.json",
      line: 3,
      column: 3,
      key: "common.k0",
    });
    expect(findings[0]?.message).toContain("references take 2999 steps");
  });

  it("reports nothing else about the texts of a broken file until it is fixed", async () => {
    const root = await createFixture({
      "locales/en/common.json": `{\n  "greeting": "Hello"\n  "items_one": "{{count}} item"\n}\n`,
      "locales/translated-from.json": `{\n  "en": {\n    "common.greeting": "0123456789ab"\n  }\n}\n`,
    });
    expect(
      problems(await checkTranslations({ projectRoot: root })).map((finding) => finding.rule),
    ).toEqual(["invalid-json"]);
  });

  it("names a text missing in English by its full dotted name, at its line in the German file", async () => {
    const findings = await findingsOf("missing-key", {
      "locales/en/common.json": english(`  "greeting": "Hello",
  "items_one": "{{count}} item",
  "items_other": "{{count}} items",
  "region": {
    "north": "North"
  }`),
    });
    expect(findings.map((finding) => finding.location)).toEqual([
      { file: "locales/de/common.json", line: 7, column: 5, key: "common.region.south" },
    ]);
    expect(findings[0]?.message).toContain('add "region.south" to locales/en/common.json');
  });

  it("names a text only English has, at its line in the English file", async () => {
    const findings = await findingsOf("extra-key", {
      "locales/en/common.json": english(`  "greeting": "Hello",
  "farewell": "Goodbye",
  "items_one": "{{count}} item",
  "items_other": "{{count}} items",
  "region": { "north": "North", "south": "South" }`),
    });
    expect(findings.map((finding) => finding.location)).toEqual([
      { file: "locales/en/common.json", line: 3, column: 3, key: "common.farewell" },
    ]);
    expect(findings[0]?.message).toContain("locales/de/common.json");
  });

  it("reports a whole locale file missing in one language once, not every text in it", async () => {
    const root = await createFixture({
      "locales/de/extra.json": `{ "a": "A", "b": "B" }\n`,
    });
    const findings = problems(await checkTranslations({ projectRoot: root }));
    expect(findings.filter((finding) => finding.severity === "error")).toEqual([
      expect.objectContaining({
        rule: "locale-file-missing",
        location: { file: "locales/de/extra.json" },
        message: expect.stringContaining("create locales/en/extra.json") as string,
      }),
    ]);
  });

  it("reports an empty text", async () => {
    const findings = await findingsOf("empty-value", {
      "locales/en/common.json": english(`  "greeting": "  ",
  "items_one": "{{count}} item",
  "items_other": "{{count}} items",
  "region": { "north": "North", "south": "South" }`),
    });
    expect(findings.map((finding) => finding.location)).toEqual([
      { file: "locales/en/common.json", line: 2, column: 3, key: "common.greeting" },
    ]);
  });

  it("reports a value that is not text", async () => {
    const findings = await findingsOf("not-text", {
      "locales/en/common.json": english(`  "greeting": 42,
  "items_one": "{{count}} item",
  "items_other": "{{count}} items",
  "region": { "north": "North", "south": "South" }`),
    });
    expect(findings.map((finding) => finding.location.key)).toEqual(["common.greeting"]);
    expect(findings[0]?.message).toContain("a number");
  });

  it("reports a key written twice in one file at the copy that counts", async () => {
    const findings = await findingsOf("duplicate-key", {
      "locales/en/common.json": english(`  "greeting": "Hello",
  "items_one": "{{count}} item",
  "items_other": "{{count}} items",
  "greeting": "Hi",
  "region": { "north": "North", "south": "South" }`),
    });
    expect(findings.map((finding) => finding.location)).toEqual([
      { file: "locales/en/common.json", line: 5, column: 3, key: "common.greeting" },
    ]);
    expect(findings[0]?.message).toContain("also at line 2");
  });

  it("reports placeholders that differ between German and English, naming both places", async () => {
    const findings = await findingsOf("placeholders-differ", {
      "locales/en/common.json": english(`  "greeting": "Hello",
  "items_one": "one item",
  "items_other": "{{total}} items",
  "region": { "north": "North", "south": "South" }`),
    });
    expect(findings.map((finding) => finding.location)).toEqual([
      { file: "locales/en/common.json", line: 3, column: 3, key: "common.items_one" },
    ]);
    expect(findings[0]?.message).toContain("German has {{count}}, English has {{total}}");
    expect(findings[0]?.related).toMatchObject([{ file: "locales/de/common.json", line: 3 }]);
  });

  it("accepts a singular form without the number when the plural set keeps it", async () => {
    const findings = await findingsOf("placeholders-differ", {
      "locales/en/common.json": english(`  "greeting": "Hello",
  "items_one": "one item",
  "items_other": "{{count}} items",
  "region": { "north": "North", "south": "South" }`),
    });
    expect(findings).toEqual([]);
  });

  it("refuses a plural with _one but no _other, in every language that lacks it", async () => {
    const findings = await findingsOf("plural-incomplete", {
      "locales/de/common.json": english(`  "greeting": "Hallo",
  "items_one": "{{count}} Eintrag",
  "region": { "north": "Norden", "south": "Süden" }`),
      "locales/en/common.json": english(`  "greeting": "Hello",
  "items_one": "{{count}} item",
  "region": { "north": "North", "south": "South" }`),
    });
    expect(findings.map((finding) => [finding.severity, finding.location])).toEqual([
      ["error", { file: "locales/de/common.json", line: 3, column: 3, key: "common.items_one" }],
      ["error", { file: "locales/en/common.json", line: 3, column: 3, key: "common.items_one" }],
    ]);
    expect(findings[0]?.message).toContain('"_other" is missing');
  });

  it("refuses HTML in a text whose name does not end in _html, and allows it in one that does", async () => {
    const findings = await findingsOf("markup-not-allowed", {
      "locales/de/common.json": english(`  "greeting": "<b>Hallo</b>",
  "intro_html": "Lies <a href=\\"/de/\\">mehr</a>",
  "items_one": "{{count}} Eintrag",
  "items_other": "{{count}} Einträge",
  "region": { "north": "Norden", "south": "Süden" }`),
      "locales/en/common.json": english(`  "greeting": "Hello&nbsp;there",
  "intro_html": "Read <a href=\\"/en/\\">more</a>",
  "items_one": "{{count}} item",
  "items_other": "{{count}} items",
  "region": { "north": "North", "south": "South" }`),
    });
    expect(findings.map((finding) => finding.location)).toEqual([
      { file: "locales/de/common.json", line: 2, column: 3, key: "common.greeting" },
      { file: "locales/en/common.json", line: 2, column: 3, key: "common.greeting" },
    ]);
    expect(findings[0]?.message).toContain('"<b>"');
    expect(findings[1]?.message).toContain('"&nbsp;"');
  });
});
