import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findGate, gates, runGateByName } from "../../src/checks/gates.ts";
import { projectRoot, runCaptured } from "../support/project.ts";

const scripts = (
  JSON.parse(readFileSync(path.join(projectRoot, "package.json"), "utf8")) as {
    scripts: Record<string, string>;
  }
).scripts;

describe("the gates' one list", () => {
  it("names each gate once, each in its own folder with its gate module", () => {
    const names = gates.map((gate) => gate.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) {
      expect(existsSync(path.join(projectRoot, "src/checks", name, "gate.ts")), name).toBe(true);
    }
  });

  it("gives every gate its npm script, run through scripts/check.ts", () => {
    for (const gate of gates) {
      expect(scripts[`check:${gate.name}`], gate.name).toBe(
        `node --import tsx scripts/check.ts ${gate.name}`,
      );
    }
  });

  it("holds every gate the npm scripts name: a check:<name> script is a registered gate", () => {
    // check:code is the type check and lint, a step of npm test of its own.
    const named = Object.keys(scripts)
      .filter((script) => script.startsWith("check:") && script !== "check:code")
      .map((script) => script.slice("check:".length));
    expect(named.sort()).toEqual(gates.map((gate) => gate.name).sort());
  });

  it("runs a gate by its name with the rest of the command line", async () => {
    const help = await runCaptured((io) => runGateByName(["leichte-sprache", "--help"], io));
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("Usage: npm run check:leichte-sprache");
    expect(findGate("leichte-sprache")?.couldNotCheck).toBe("fails");
  });

  it("refuses a name that is no gate (exit 2), listing the gates", async () => {
    const unknown = await runCaptured((io) => runGateByName(["spelling"], io));
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('there is no gate named "spelling"');
    expect(unknown.stderr).toContain("i18n, duplicates, leichte-sprache, a11y, visual, audit");
    const none = await runCaptured((io) => runGateByName([], io));
    expect(none.status).toBe(2);
    expect(none.stderr).toContain("no gate was named");
  });
});
