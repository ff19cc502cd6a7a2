import { describe, expect, it } from "vitest";
import { findTool, runTool } from "./tools.ts";

describe("the tools the tests run", () => {
  it("are found on PATH, and run", () => {
    expect(findTool("sh", "dash")).toBe("sh");
    expect(runTool("sh", "dash", ["-c", "echo ok"]).stdout).toBe("ok\n");
  });

  it("are found in Debian's system folders, which an ordinary user's PATH leaves out", () => {
    const path = process.env.PATH;
    process.env.PATH = "/nonexistent";
    try {
      // spawnSync looks a bare name up on the PATH of this process.
      expect(findTool("ldconfig", "libc-bin")).toBe("/usr/sbin/ldconfig");
    } finally {
      process.env.PATH = path;
    }
  });

  it("when missing, fail with one message naming the Debian package to install", () => {
    expect(() => runTool("gw-no-such-tool", "gw-some-package", [])).toThrow(
      "gw-no-such-tool is not installed: install the Debian package gw-some-package (bash .ci/run does)",
    );
  });
});
