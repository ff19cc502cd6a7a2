import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BrowserNotFoundError, findBrowser } from "../../../src/checks/browser.ts";
import { temporaryDir } from "./fixtures.ts";

function fakeExecutable(path: string): string {
  mkdirSync(join(path, ".."), { recursive: true });
  writeFileSync(path, "#!/bin/sh\n");
  chmodSync(path, 0o755);
  return path;
}

const nothingElse = { systemPaths: [], commandNames: [] };

describe("findBrowser", () => {
  it("uses CHROME_PATH when it names a runnable file, before any system browser", () => {
    const dir = temporaryDir("browser");
    const chosen = fakeExecutable(join(dir, "my-chrome"));
    const system = fakeExecutable(join(dir, "usr-bin-chromium"));
    expect(findBrowser({ env: { CHROME_PATH: chosen }, systemPaths: [system] })).toBe(chosen);
  });

  it("falls back to a system browser when CHROME_PATH names nothing", () => {
    const dir = temporaryDir("browser");
    const system = fakeExecutable(join(dir, "chromium"));
    expect(findBrowser({ env: { CHROME_PATH: join(dir, "missing") }, systemPaths: [system] })).toBe(
      system,
    );
  });

  it("finds a browser on PATH by its program name", () => {
    const dir = temporaryDir("browser");
    const onPath = fakeExecutable(join(dir, "bin", "google-chrome-stable"));
    const found = findBrowser({
      env: { PATH: `${join(dir, "empty")}:${join(dir, "bin")}` },
      systemPaths: [],
      commandNames: ["chromium", "google-chrome-stable"],
      puppeteerCacheDir: join(dir, "no-cache"),
    });
    expect(found).toBe(onPath);
  });

  it("takes the newest browser from Puppeteer's cache when there is no system browser", () => {
    const cache = temporaryDir("puppeteer-cache");
    fakeExecutable(join(cache, "chrome", "linux-99.0.1.2", "chrome-linux64", "chrome"));
    const newest = fakeExecutable(
      join(cache, "chrome", "linux-131.0.6778.85", "chrome-linux64", "chrome"),
    );
    expect(findBrowser({ env: {}, ...nothingElse, puppeteerCacheDir: cache })).toBe(newest);
  });

  it("explains how to install a browser when none is found", () => {
    const dir = temporaryDir("browser");
    const search = {
      env: { CHROME_PATH: join(dir, "nope") },
      ...nothingElse,
      puppeteerCacheDir: dir,
    };
    expect(() => findBrowser(search)).toThrow(BrowserNotFoundError);
    expect(() => findBrowser(search)).toThrow(/apt-get install chromium/);
    expect(() => findBrowser(search)).toThrow(
      /CHROME_PATH is set to ".*nope", but no runnable program is there/,
    );
  });
});
