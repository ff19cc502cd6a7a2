import { describe, expect, it } from "vitest";
import { findKeyUsage } from "../../../src/checks/i18n/key-usage.ts";
import { baseFiles, findingsOf } from "./fixture.ts";

const layout = baseFiles["src/site/_includes/layout.njk"] ?? "";

describe("finding the texts templates and code use", () => {
  it("reads plain, parameterised and prefixed names in templates, at the quote", () => {
    expect(
      findKeyUsage(
        "src/x.njk",
        `{{ "a.b" | t }} {{ 'a.c' | t({ count: 2 }) }}\n{{ ("a.region." + region) | t }}`,
      ),
    ).toEqual([
      { key: "a.b", prefix: false, file: "src/x.njk", line: 1, column: 4 },
      { key: "a.c", prefix: false, file: "src/x.njk", line: 1, column: 20 },
      { key: "a.region.", prefix: true, file: "src/x.njk", line: 2, column: 5 },
    ]);
  });

  it("reads t() calls in TypeScript, with or without the language first, and template-literal prefixes", () => {
    const code = [
      'const a = t("a.b");',
      'const b = translator.t(language, "a.c", { value });',
      "const c = t(`a.qualifier.${qualifier}`);",
      'const d = t("a.unit." + unit);',
      "const e = format(`x.y`);",
    ].join("\n");
    expect(
      findKeyUsage("src/lib/x.ts", code).map(({ key, prefix, line }) => [key, prefix, line]),
    ).toEqual([
      ["a.b", false, 1],
      ["a.c", false, 2],
      ["a.unit.", true, 4],
      ["a.qualifier.", true, 3],
    ]);
  });

  it("ignores names in template comments and TypeScript comment lines", () => {
    expect(findKeyUsage("src/x.njk", `{# {{ "a.ghost" | t }} #}`)).toEqual([]);
    expect(
      findKeyUsage("src/x.ts", `/**\n * Call t("a.ghost") to …\n */\n// t("a.other")`),
    ).toEqual([]);
  });
});

describe("key usage checks", () => {
  it("reports a text a template uses that no locale file has, where it is used", async () => {
    const findings = await findingsOf("unknown-key", {
      "src/site/_includes/layout.njk": `${layout}<p>\n  {{ "common.farewell" | t }}</p>\n`,
    });
    expect(findings.map((finding) => [finding.severity, finding.location])).toEqual([
      [
        "error",
        { file: "src/site/_includes/layout.njk", line: 6, column: 6, key: "common.farewell" },
      ],
    ]);
    expect(findings[0]?.message).toContain("locales/de/common.json and locales/en/common.json");
  });

  it("reports a text TypeScript code uses that no locale file has", async () => {
    const findings = await findingsOf("unknown-key", {
      "src/lib/label.ts":
        'export const label = (t: (key: string) => string) => t("common.label");\n',
    });
    expect(findings.map((finding) => finding.location)).toEqual([
      { file: "src/lib/label.ts", line: 1, column: 56, key: "common.label" },
    ]);
  });

  it("reports a prefix under which no text exists", async () => {
    const findings = await findingsOf("unknown-key", {
      "src/site/de/start.md": `${baseFiles["src/site/de/start.md"] ?? ""}\n{{ ("common.area." + area) | t }}\n`,
    });
    expect(findings.map((finding) => finding.location)).toEqual([
      { file: "src/site/de/start.md", line: 16, column: 5, key: "common.area." },
    ]);
  });

  it("warns about a text nothing uses, at its line in the German file", async () => {
    const findings = await findingsOf("unused-key", {
      "locales/de/common.json": `{\n  "greeting": "Hallo",\n  "old": "Alt",\n  "items_one": "{{count}} Eintrag",\n  "items_other": "{{count}} Einträge",\n  "region": { "north": "Norden", "south": "Süden" }\n}\n`,
      "locales/en/common.json": `{\n  "greeting": "Hello",\n  "old": "Old",\n  "items_one": "{{count}} item",\n  "items_other": "{{count}} items",\n  "region": { "north": "North", "south": "South" }\n}\n`,
    });
    expect(findings.map((finding) => [finding.severity, finding.location])).toEqual([
      ["warning", { file: "locales/de/common.json", line: 3, column: 3, key: "common.old" }],
    ]);
  });

  it("counts plural forms as used through their shared name, and a group as used through its prefix", async () => {
    expect(await findingsOf("unused-key")).toEqual([]);
    const withoutPrefix = await findingsOf("unused-key", {
      "src/site/_includes/layout.njk": layout.replace(/.*region.*\n/, ""),
    });
    expect(withoutPrefix.map((finding) => finding.location.key)).toEqual([
      "common.region.north",
      "common.region.south",
    ]);
  });
});
