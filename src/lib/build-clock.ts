import { AsyncLocalStorage } from "node:async_hooks";
import { performance } from "node:perf_hooks";

/** A build went past its time limit; the message names the slowest pages. */
export class BuildTimeLimitError extends Error {
  override name = "BuildTimeLimitError";
}

/** How many of the slowest pages the message names. */
const pagesNamed = 3;

const seconds = (ms: number) => `${Number((ms / 1000).toPrecision(3))} s`;

/**
 * A build's time limit, and how long each page took to render: when the limit has passed,
 * the build stops with the slowest pages named, the pages an editor would look at first.
 */
export class BuildClock {
  readonly #limitMs: number;
  readonly #now: () => number;
  readonly #started: number;
  readonly #pages = new Map<string, number>();

  /** `now` gives the time in milliseconds (a test may pass its own). */
  constructor(limitMs: number, now: () => number = () => performance.now()) {
    this.#limitMs = limitMs;
    this.#now = now;
    this.#started = now();
  }

  /** Milliseconds until the limit (negative once it has passed). */
  remainingMs(): number {
    return this.#limitMs - (this.#now() - this.#started);
  }

  /** Renders one page, adds the time to the page's, then stops the build if the limit has passed. */
  timePage<T>(file: string, render: () => T): T {
    const started = this.#now();
    try {
      return render();
    } finally {
      this.#pages.set(file, (this.#pages.get(file) ?? 0) + this.#now() - started);
    }
  }

  /** Throws `BuildTimeLimitError` once the limit has passed. */
  check(): void {
    if (this.remainingMs() < 0) throw this.limitError();
  }

  /** The error for a build past its limit, naming the slowest pages rendered so far. */
  limitError(): BuildTimeLimitError {
    const slowest = [...this.#pages]
      .sort(([, a], [, b]) => b - a)
      .slice(0, pagesNamed)
      .map(([file, ms]) => `${file} (${seconds(ms)})`);
    return new BuildTimeLimitError(
      `the build took longer than its limit of ${seconds(this.#limitMs)} and was stopped; ` +
        (slowest.length === 0
          ? "no page had been rendered yet"
          : `the slowest page was ${slowest.join(", then ")}`) +
        ". Make the slowest page smaller or split it, or raise the limit with --time-limit SECONDS.",
    );
  }
}

const clocks = new AsyncLocalStorage<BuildClock>();

/** Runs a build's work with its clock, which `timePage` finds from anywhere inside it. */
export function withBuildClock<T>(clock: BuildClock, work: () => Promise<T>): Promise<T> {
  return clocks.run(clock, work);
}

/**
 * Renders one page on the clock of the build it belongs to (see `withBuildClock`), which stops
 * the build once its time limit has passed; outside a timed build (`npm start`) just renders.
 */
export function timePage<T>(file: string, render: () => T): T {
  const clock = clocks.getStore();
  if (clock === undefined) return render();
  const result = clock.timePage(file, render);
  clock.check();
  return result;
}
