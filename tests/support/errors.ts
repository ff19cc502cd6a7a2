import { ContentError } from "../../src/lib/errors.ts";

/** Runs code that must refuse its input, and returns the content error it threw. */
export function contentErrorOf(run: () => unknown): ContentError {
  try {
    run();
  } catch (error) {
    if (error instanceof ContentError) return error;
    throw error;
  }
  throw new Error("expected a content error");
}
