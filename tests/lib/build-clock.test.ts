import { describe, expect, it } from "vitest";
import {
  BuildClock,
  BuildTimeLimitError,
  timePage,
  withBuildClock,
} from "../../src/lib/build-clock.ts";

/** A clock the test moves: each page's render takes the milliseconds it is given. */
function fakeTime() {
  let now = 0;
  return { now: () => now, pass: (ms: number) => (now += ms) };
}

describe("BuildClock", () => {
  it("stops the build at the first page past the limit, naming the slowest pages first", async () => {
    const time = fakeTime();
    const clock = new BuildClock(10_000, time.now);
    const render = (file: string, ms: number) => () =>
      timePage(file, () => {
        time.pass(ms);
        return file;
      });
    let error: unknown;
    await withBuildClock(clock, () => {
      expect(render("src/site/de/a.md", 1_000)()).toBe("src/site/de/a.md");
      expect(render("src/site/de/gross.md", 7_000)()).toBe("src/site/de/gross.md");
      expect(render("src/site/de/b.md", 1_500)()).toBe("src/site/de/b.md");
      try {
        render("src/site/de/c.md", 600)();
      } catch (thrown) {
        error = thrown;
      }
      return Promise.resolve();
    });
    expect(error).toBeInstanceOf(BuildTimeLimitError);
    expect((error as Error).message).toBe(
      "the build took longer than its limit of 10 s and was stopped; the slowest page was src/site/de/gross.md (7 s), then src/site/de/b.md (1.5 s), then src/site/de/a.md (1 s). Make the slowest page smaller or split it, or raise the limit with --time-limit SECONDS.",
    );
  });

  it("says so when the limit passed before any page was rendered", () => {
    const time = fakeTime();
    const clock = new BuildClock(500, time.now);
    time.pass(501);
    expect(clock.remainingMs()).toBe(-1);
    expect(clock.limitError().message).toMatch(
      /limit of 0\.5 s and was stopped; no page had been rendered yet/,
    );
  });

  it("renders without a limit outside a timed build", () => {
    expect(timePage("src/site/de/a.md", () => "gerendert")).toBe("gerendert");
  });
});
