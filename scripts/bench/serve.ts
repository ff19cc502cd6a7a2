import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { CouldNotCheckError } from "../../src/checks/gate.ts";
import { buildProblem, startDevServer } from "../lib/dev-server.ts";
import { median } from "./measure.ts";
import type { SyntheticPage } from "./generate.ts";

/** The dev server's figures on the synthetic site. */
export interface ServeFigures {
  /** Seconds from starting `npm start` to the end of its first build. */
  firstBuildSeconds: number;
  /** Median seconds from saving one German page to its rebuilt file holding the new text. */
  incrementalSeconds: number;
  runs: number;
}

/** Bounds: a dev server that hangs fails the benchmark instead of stalling it. */
const firstBuildMs = 600_000;
const rebuildMs = 60_000;
const pollMs = 5;

/** Polls `file` until it contains `text`, and says after how many seconds it did. */
async function secondsUntilContains(file: string, text: string, start: number): Promise<number> {
  for (;;) {
    const content = await readFile(file, "utf8").catch(() => "");
    // Long words on built pages carry soft hyphens, which readers never see.
    if (content.replace(/\u00ad/g, "").includes(text)) return (performance.now() - start) / 1000;
    if (performance.now() - start > rebuildMs) {
      throw new Error(`${file} did not get the saved text within ${rebuildMs} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

/**
 * Starts `npm start` (Eleventy's dev server with `--incremental`) on the synthetic site, waits
 * for its first build, then saves one German page `runs` times with a new sentence each time
 * and times how long its built file takes to show it. One unmeasured save comes first: Eleventy
 * announces its watcher before the watcher is ready. The server is always stopped, and the
 * page is given back its text, so the checks measured after this see the site as generated.
 */
export async function measureIncrementalRebuild(
  siteRoot: string,
  page: SyntheticPage,
  runs: number,
): Promise<ServeFigures> {
  const started = performance.now();
  const server = await startDevServer(siteRoot, firstBuildMs);
  const firstBuildSeconds = (performance.now() - started) / 1000;
  try {
    const builtFile = path.join(server.outputDir, page.url, "index.html");
    const save = (sentence: string) =>
      server.rebuildAfterWriting(page.file, `${page.text}\n${sentence}\n`, rebuildMs);
    await save("Vorlauf ohne Messung.");
    const seconds: number[] = [];
    for (let run = 1; run <= runs; run++) {
      const sentence = `Messlauf ${run} der Entwicklungsumgebung.`;
      const start = performance.now();
      const [printed, took] = await Promise.all([
        save(sentence),
        secondsUntilContains(builtFile, sentence, start),
      ]);
      const problem = buildProblem(printed);
      if (problem !== "") {
        throw new CouldNotCheckError(
          `the incremental rebuild of ${page.file} failed: ${problem}\n${printed}`,
        );
      }
      seconds.push(took);
    }
    return { firstBuildSeconds, incrementalSeconds: median(seconds), runs };
  } finally {
    await server.stop();
    await writeFile(path.join(siteRoot, page.file), page.text);
  }
}
