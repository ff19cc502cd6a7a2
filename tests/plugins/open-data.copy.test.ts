import { readFile } from "node:fs/promises";
import path from "node:path";
import { glob } from "tinyglobby";
import { describe, expect, it } from "vitest";
import { buildSite } from "../../src/build.ts";
import { keepTogether } from "../../src/lib/format.ts";
import { buildCopy, hashFiles, replaceOnce } from "../build/support.ts";
import { buildRealSite } from "../support/built-site.ts";
import { editFile } from "../support/project.ts";
import { makeTempDir } from "../support/temp.ts";

const before = { de: "mehr als 1,1 Millionen", en: "more than 1.1 million" };
const csvIn = { de: "data/kennzahlen.csv", en: "data/key-figures.csv" };
const after = { de: "mehr als 2,3 Millionen", en: "more than 2.3 million" };

/** The built files, text only, that contain `text` (pages bind its words with no-break spaces). */
async function filesContaining(outputDir: string, text: string): Promise<string[]> {
  const files = (await glob("**/*.{html,json,csv}", { cwd: outputDir })).sort();
  const contents = await Promise.all(
    files.map((file) => readFile(path.join(outputDir, file), "utf8")),
  );
  const bound = keepTogether(text);
  return files.filter(
    (_file, index) => contents[index]?.includes(text) || contents[index]?.includes(bound),
  );
}

describe("the open data", () => {
  it("changes in every download and on every page when a fact changes in data/facts.ts", async () => {
    const real = await buildRealSite();
    const result = await buildCopy((root) =>
      editFile(root, "data/facts.ts", (source) =>
        replaceOnce(source, "value: 1_100_000,", "value: 2_300_000,"),
      ),
    );
    expect(result.status, result.output).toBe(0);
    const outputDir = path.join(result.root, "_site");
    for (const language of ["de", "en"] as const) {
      const showedBefore = await filesContaining(real.outputDir, before[language]);
      expect(showedBefore).toEqual(
        expect.arrayContaining(["data/facts.json", csvIn[language], `${language}/index.html`]),
      );
      expect(await filesContaining(outputDir, before[language])).toEqual([]);
      expect(await filesContaining(outputDir, after[language])).toEqual(showedBefore);
    }
    const german = await readFile(path.join(outputDir, "data/kennzahlen.csv"), "utf8");
    const english = await readFile(path.join(outputDir, "data/key-figures.csv"), "utf8");
    const json = await readFile(path.join(outputDir, "data/facts.json"), "utf8");
    expect(german).toMatch(/^"nrw\.employees";"nrw";"employees";2300000;/m);
    expect(english).toMatch(/^"nrw\.employees","nrw","employees",2300000,/m);
    expect(json).toContain('"value": 2300000,');

    // A second build of the same sources writes the same bytes.
    const again = await makeTempDir("gw-open-data-again-");
    await buildSite({ projectRoot: result.root, outputDir: again, quiet: true });
    const first = hashFiles(path.join(outputDir, "data"));
    expect(first.size).toBe(5);
    expect(hashFiles(path.join(again, "data"))).toEqual(first);
  });
});
