import { describe, expect, it } from "vitest";
import { usesTemplateCode } from "../../src/plugins/markdown.ts";

describe("usesTemplateCode", () => {
  it("finds output, tags and comments", () => {
    expect(usesTemplateCode("Es sind {{ count }} Betriebe.")).toBe(true);
    expect(usesTemplateCode("{% for region in regions %}")).toBe(true);
    expect(usesTemplateCode("Text {# Notiz #}")).toBe(true);
  });

  it("lets plain Markdown through, curly braces of attributes included", () => {
    expect(usesTemplateCode("Das [HealthCapital]{lang=en} Cluster, 1,1 Millionen.")).toBe(false);
  });

  it("counts a text it cannot see as template code, so nothing is skipped by mistake", () => {
    expect(usesTemplateCode(undefined)).toBe(true);
  });
});
