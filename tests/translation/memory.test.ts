import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readMemories, writeMemory, type Memories } from "../../src/translation/tmx.ts";
import { makeTempDir } from "../support/temp.ts";

describe("the translation memory", () => {
  it("holds every language pair, each <tu> with the source and one target language, and reads them back", async () => {
    const entry = (target: string) => ({
      id: "common.skipLink",
      file: "locales/de/common.json",
      source: ["Zum Inhalt springen"],
      target: [target],
      changed: "20261207T120000Z",
    });
    const memories: Memories = new Map([
      ["en", new Map([["common.skipLink", [entry("Skip to content")]]])],
      ["fr", new Map([["common.skipLink", [entry("Aller au contenu")]]])],
    ]);
    const tmx = writeMemory(memories);
    expect(tmx).toContain('<tuv xml:lang="de"><seg>Zum Inhalt springen</seg></tuv>');
    expect(tmx).toContain('<tuv xml:lang="en"><seg>Skip to content</seg></tuv>');
    // fr is no language of this project (yet, or any more): its pairs are kept all the same.
    expect(tmx.indexOf("Skip to content")).toBeLessThan(tmx.indexOf("Aller au contenu"));
    const root = await makeTempDir("gw-memory-");
    await mkdir(path.join(root, "locales"));
    await writeFile(path.join(root, "locales/translation-memory.tmx"), tmx);
    const read = await readMemories(root);
    expect(read.get("en")?.get("common.skipLink")?.[0]?.target).toEqual(["Skip to content"]);
    expect(read.get("fr")?.get("common.skipLink")?.[0]?.target).toEqual(["Aller au contenu"]);
  });
});
