import { describe, expect, it } from "vitest";
import { UsageError } from "../../../src/checks/gate.ts";
import { parseShard, sliceForShard } from "../../../src/checks/a11y/shard.ts";

const paths = ["/en/b/", "/", "/de/a/", "/de/404.html", "/en/", "/de/", "/en/404.html"];
const byPath = (path: string) => path;

describe("parseShard", () => {
  it("reads I/N", () => {
    expect(parseShard("2/3")).toEqual({ index: 2, total: 3 });
  });

  it.each(["0/3", "4/3", "1/0", "2", "a/b", "1/2/3", ""])("rejects %j as a usage error", (text) => {
    expect(() => parseShard(text)).toThrow(UsageError);
  });
});

describe("sliceForShard", () => {
  it("puts every item in exactly one slice, the slices differing in size by at most one", () => {
    const slices = [1, 2, 3].map((index) => sliceForShard(paths, { index, total: 3 }, byPath));
    expect(slices.flat().sort()).toEqual([...paths].sort());
    expect(slices.map((slice) => slice.length)).toEqual([3, 2, 2]);
  });

  it("gives the same slice whatever order the items arrive in", () => {
    const shard = { index: 2, total: 3 };
    expect(sliceForShard([...paths].reverse(), shard, byPath)).toEqual(
      sliceForShard(paths, shard, byPath),
    );
  });

  it("deals sorted items out in turn", () => {
    expect(sliceForShard(["d", "a", "c", "b", "e"], { index: 1, total: 2 }, byPath)).toEqual([
      "a",
      "c",
      "e",
    ]);
  });

  it("leaves a slice empty when there are more slices than items", () => {
    expect(sliceForShard(["a"], { index: 2, total: 2 }, byPath)).toEqual([]);
  });
});
