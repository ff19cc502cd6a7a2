import { writeFile } from "node:fs/promises";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { beforeAll, describe, expect, it } from "vitest";
import { runScript, runScriptAsync } from "../support/project.ts";
import { copyOfCopy, copyWithPublishedSite, expectEditorFailure, hashFiles } from "./support.ts";

/** A German page of about 400 KB: 80,000 code spans showing `{{`, twenty to a line. */
function pageOfCodeSpans(): string {
  const lines = Array.from({ length: 4_000 }, () => Array(20).fill("`{{`").join(" "));
  return [
    "---",
    "title: Eine Seite voller Code",
    "description: Achtzigtausend Code-Spannen mit geschweiften Klammern.",
    "translationKey: code-spans",
    "onlyInThisLanguage: prüft, dass die Zeit des Builds mit der Seitengröße linear wächst",
    "---",
    ...lines,
    "",
  ].join("\n");
}

let root: string;

beforeAll(async () => {
  root = await copyWithPublishedSite();
});

/** Seconds `npm run build` takes in a project copy, start of Node included, as an editor sees it. */
async function buildSeconds(copy: string): Promise<number> {
  const started = performance.now();
  const result = await runScriptAsync(copy, "scripts/build.ts");
  expect(result.status, result.output).toBe(0);
  return (performance.now() - started) / 1000;
}

describe("the build's time", () => {
  it("grows linearly with a page's code spans: a 400 KB page of 80,000 takes under 4 × a normal build", async () => {
    const normal = await copyOfCopy(root);
    const large = await copyOfCopy(root);
    const page = pageOfCodeSpans();
    expect(Buffer.byteLength(page)).toBeGreaterThan(400_000);
    await writeFile(path.join(large, "src/site/de/code-spannen.md"), page);
    // Side by side, and again (best of each) while the machine's load may have slowed one: the
    // time grew with the square of the code spans before, 27 × a normal build here.
    const times = { normal: Infinity, large: Infinity };
    for (let round = 0; round < 3 && !(times.large / times.normal < 4); round++) {
      times.normal = Math.min(times.normal, await buildSeconds(normal));
      times.large = Math.min(times.large, await buildSeconds(large));
    }
    expect(times.large / times.normal, JSON.stringify(times)).toBeLessThan(4);
  });

  it("has a limit: past it, the build stops and leaves the published site alone", async () => {
    const copy = await copyOfCopy(root);
    const before = hashFiles(copy);
    const result = runScript(copy, "scripts/build.ts", ["--time-limit", "0.001"]);
    expectEditorFailure(
      result,
      "the build took longer than its limit of 0.001 s and was stopped",
      "raise the limit with --time-limit SECONDS",
    );
    expect(hashFiles(copy)).toEqual(before);
  });

  it("refuses a time limit that is not a number of seconds, with the usage", () => {
    const result = runScript(root, "scripts/build.ts", ["--time-limit", "bald"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("--time-limit expects a number of seconds above 0.");
    expect(result.stderr).toContain("Usage: npm run build [-- options]");
  });
});
