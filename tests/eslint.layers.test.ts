import { ESLint, Linter } from "eslint";
import { describe, expect, it } from "vitest";
import layers from "../eslint.layers.js";

const linter = new Linter({ configType: "flat" });

/** The layer rule's messages for one import written in a file at `file`. */
function layerMessages(file: string, from: string): string[] {
  return linter
    .verify(`import { x } from "${from}";\nexport { x };\n`, layers, file)
    .map((message) => `${message.ruleId ?? "parse"}: ${message.message}`);
}

describe("the layers ESLint enforces", () => {
  it("refuse a gate import in src/lib and allow a helper of src/lib", () => {
    expect(layerMessages("src/lib/format.ts", "../checks/gate.ts")).toEqual([
      expect.stringContaining("no-restricted-imports: ") as unknown,
    ]);
    expect(layerMessages("src/lib/format.ts", "./languages.ts")).toEqual([]);
  });

  it("refuse src/lib importing plugins or components, which may import src/lib", () => {
    expect(layerMessages("src/lib/data/load.ts", "../../plugins/pages.ts")).toHaveLength(1);
    expect(layerMessages("src/lib/html.ts", "../components/page-frame.ts")).toHaveLength(1);
    expect(layerMessages("src/plugins/pages.ts", "../lib/pages.ts")).toEqual([]);
    expect(layerMessages("src/plugins/layouts.ts", "../components/chooser.ts")).toEqual([]);
  });

  it("refuse the site importing a gate, and allow a gate importing the site's helpers", () => {
    expect(layerMessages("src/components/page-frame.ts", "../checks/gate.ts")).toHaveLength(1);
    expect(layerMessages(".eleventy.ts", "./src/checks/runner.ts")).toHaveLength(1);
    expect(layerMessages("src/checks/i18n/check.ts", "../../lib/pages.ts")).toEqual([]);
  });

  it("refuse the exchange importing a gate or the site, and allow the translation check importing the exchange", () => {
    expect(layerMessages("src/translation/import.ts", "../checks/i18n/check.ts")).toHaveLength(1);
    expect(layerMessages("src/translation/import.ts", "../plugins/pages.ts")).toHaveLength(1);
    expect(layerMessages("src/lib/pages.ts", "../translation/memory.ts")).toHaveLength(1);
    expect(layerMessages("src/translation/import.ts", "../lib/locale-texts.ts")).toEqual([]);
    expect(layerMessages("src/checks/i18n/mark.ts", "../../translation/memory.ts")).toEqual([]);
  });

  it("refuse scripts and tests as imports of the source, and allow a script importing a gate", () => {
    expect(layerMessages("src/checks/gate.ts", "../../scripts/build.ts")).toHaveLength(1);
    expect(layerMessages("src/checks/gate.ts", "../../tests/support/temp.ts")).toHaveLength(1);
    expect(layerMessages("scripts/check.ts", "../tests/support/temp.ts")).toHaveLength(1);
    expect(layerMessages("scripts/check.ts", "../src/checks/gates.ts")).toEqual([]);
  });

  it("refuse the benchmark as an import of a script or a test, and allow its own entry point", () => {
    expect(layerMessages("scripts/build.ts", "./bench/words.ts")).toHaveLength(1);
    expect(layerMessages("tests/lib/format.test.ts", "../../scripts/bench/words.ts")).toHaveLength(
      1,
    );
    expect(layerMessages("scripts/bench.ts", "./bench/run.ts")).toEqual([]);
    expect(layerMessages("tests/lib/format.test.ts", "../support/temp.ts")).toEqual([]);
  });

  it("refuse a test importing another test file", () => {
    expect(layerMessages("tests/lib/format.test.ts", "./slug.test.ts")).toHaveLength(1);
    expect(layerMessages("tests/checks/i18n/cli.test.ts", "./fixture.ts")).toEqual([]);
  });

  it("are part of the project's ESLint configuration", async () => {
    const eslint = new ESLint();
    const config = (await eslint.calculateConfigForFile("src/lib/format.ts")) as Linter.Config;
    const [, options] = layers[0]?.rules?.["no-restricted-imports"] as [string, unknown];
    expect(config.rules?.["no-restricted-imports"]).toEqual([2, options]);
  });
});
