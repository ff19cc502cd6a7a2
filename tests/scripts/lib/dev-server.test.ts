import { describe, expect, it } from "vitest";
import { buildProblem, rebuildsFinished } from "../../../scripts/lib/dev-server.ts";

const changed = "[11ty] File changed: ./src/site/de/datenschutz.md\n";
const wrote = "[11ty] Wrote 1 file (skipped 34) in 0.02 seconds (v3.1.7)\n";
const watching = "[11ty] Watching…\n";

describe("when the dev server's rebuilds after a save are over", () => {
  it("waits while the server has not noticed the save or has not finished its rebuild", () => {
    expect(rebuildsFinished("")).toBe(false);
    expect(rebuildsFinished(changed)).toBe(false);
    expect(rebuildsFinished(`${changed}${wrote}`)).toBe(false);
  });

  it("counts a rebuild as over once Watching follows the file it noticed", () => {
    expect(rebuildsFinished(`${changed}${wrote}${watching}`)).toBe(true);
    expect(rebuildsFinished(`${changed.replace("changed", "added")}${watching}`)).toBe(true);
  });

  it("waits for a second rebuild of the same save, noticed after the first one ended", () => {
    expect(rebuildsFinished(`${changed}${wrote}${watching}${changed}${wrote}`)).toBe(false);
    expect(rebuildsFinished(`${changed}${wrote}${watching}${changed}${wrote}${watching}`)).toBe(
      true,
    );
  });
});

describe("why a build of the dev server failed, on one line", () => {
  it("gives the problem line and the two after it, without Eleventy's prefix", () => {
    const failed = [
      changed,
      "[11ty] Problem writing Eleventy templates:\n",
      "[11ty] 1 broken link(s):\n",
      '[11ty]   src/site/de/datenschutz.md:12: the link "/de/x/" leads to a page that does not exist\n',
      watching,
    ].join("");
    expect(buildProblem(failed)).toBe(
      'Problem writing Eleventy templates: | 1 broken link(s): | src/site/de/datenschutz.md:12: the link "/de/x/" leads to a page that does not exist',
    );
  });

  it("gives nothing for a build that succeeded", () => {
    expect(buildProblem(`${changed}${wrote}${watching}`)).toBe("");
  });
});
