import { describe, expect, it } from "vitest";
import { findingsOf } from "./fixture.ts";

describe("$t() references in locale texts", () => {
  it("passes references to existing texts", async () => {
    const findings = await findingsOf("unknown-key", {
      "locales/de/common.json": `{
  "greeting": "Hallo $t(common.region.north)",
  "items_one": "{{count}} Eintrag",
  "items_other": "{{count}} Einträge",
  "region": { "north": "Norden", "south": "Süden" }
}
`,
    });
    expect(findings).toEqual([]);
  });

  it("reports a reference to a missing text and a loop, at the text holding them", async () => {
    const findings = await findingsOf("unknown-key", {
      "locales/en/common.json": `{
  "greeting": "Hello $t(common.nothing)",
  "items_one": "{{count}} item",
  "items_other": "{{count}} items",
  "region": { "north": "North $t(common.region.south)", "south": "South $t(common.region.north)" }
}
`,
    });
    expect(findings.map((finding) => [finding.location.file, finding.location.key])).toEqual([
      ["locales/en/common.json", "common.greeting"],
      ["locales/en/common.json", "common.region.north"],
    ]);
    expect(findings[0]?.message).toContain('"$t(common.nothing)" names a text that does not exist');
    expect(findings[1]?.message).toContain("go round in a loop");
  });
});
