import { describe, expect, it } from "vitest";
import { buildSite } from "../../src/build.ts";
import { buildRealSite } from "../support/built-site.ts";
import { projectRoot } from "../support/project.ts";
import { makeTempDir } from "../support/temp.ts";
import { hashFiles } from "./support.ts";

describe("the build", () => {
  it("writes the same files with the same bytes every time it builds the same sources", async () => {
    const first = await buildRealSite();
    const secondDir = await makeTempDir("gw-site-again-");
    await buildSite({ projectRoot, outputDir: secondDir, quiet: true });

    const firstFiles = hashFiles(first.outputDir);
    const secondFiles = hashFiles(secondDir);
    expect(firstFiles.size).toBeGreaterThan(10);
    expect([...secondFiles.keys()]).toEqual([...firstFiles.keys()]);
    for (const [file, hash] of firstFiles) {
      expect(secondFiles.get(file), file).toBe(hash);
    }
  });
});
