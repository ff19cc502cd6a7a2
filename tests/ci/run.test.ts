import { spawnSync } from "node:child_process";
import { chmod, readFile, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../support/project.ts";
import { makeTempDir } from "../support/temp.ts";

/** The commands each Debian package gives the tests. */
const commands = {
  chromium: "chromium",
  "libxml2-utils": "xmllint",
  "translate-toolkit": "pocount",
  nginx: "nginx",
  "tesseract-ocr": "tesseract",
} as const;
type Package = keyof typeof commands;

/**
 * A machine for `.ci/run --machine-only`, simulated with PATH: a folder with only the basic
 * commands the script uses, the given tools (as stand-ins that do nothing), and an `apt-get`
 * (and `sudo`) that logs what it is asked and then either installs the stand-ins or fails.
 * Tools in `sbinTools` stand in a folder of their own that is not on PATH, as Debian's
 * `/usr/sbin` is not on an ordinary user's (the script's `SBIN_PATH` names it). The stand-in
 * tesseract lists the OCR packs in `ocrPacks`; installing `tesseract-ocr-<pack>` adds one.
 */
async function machine(
  tools: Package[],
  apt: "installs" | "fails",
  sbinTools: Package[] = [],
  ocrPacks: string[] = ["deu", "eng", "osd"],
) {
  const bin = await makeTempDir("gw-ci-machine-");
  const sbin = await makeTempDir("gw-ci-sbin-");
  const log = path.join(bin, "apt.log");
  for (const name of ["dirname", "id", "chmod"]) {
    await symlink(
      spawnSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" }).stdout.trim(),
      path.join(bin, name),
    );
  }
  // What each tool does lives off PATH; an installed tool is a line that runs it.
  const standIns = await makeTempDir("gw-ci-stand-ins-");
  const packs = path.join(standIns, "ocr-packs");
  await writeFile(packs, ocrPacks.map((pack) => `${pack}\n`).join(""));
  for (const command of Object.values(commands)) {
    await writeFile(
      path.join(standIns, command),
      command === commands["tesseract-ocr"]
        ? `#!/bin/sh\necho 'List of available languages in "/usr/share/tesseract-ocr/5/tessdata/" (3):'\nwhile read -r pack; do echo "$pack"; done < "${packs}"\n`
        : "#!/bin/sh\nexit 0\n",
    );
    await chmod(path.join(standIns, command), 0o755);
  }
  const runs = (command: string) => `#!/bin/sh\nexec "${path.join(standIns, command)}" "$@"\n`;
  const tool = async (folder: string, name: string) => {
    await writeFile(path.join(folder, name), runs(name));
    await chmod(path.join(folder, name), 0o755);
  };
  for (const name of tools) await tool(bin, commands[name]);
  for (const name of sbinTools) await tool(sbin, commands[name]);
  const installs = Object.entries(commands)
    .map(
      ([pkg, command]) =>
        `    ${pkg}) printf '%s' '${runs(command)}' > "${bin}/${command}"; chmod +x "${bin}/${command}" ;;`,
    )
    .join("\n");
  await writeFile(
    path.join(bin, "apt-get"),
    `#!/bin/sh
echo "apt-get $*" >> "${log}"
${
  apt === "fails"
    ? "exit 100"
    : `[ "$1" = install ] || exit 0
for arg in "$@"; do
  case "$arg" in
${installs}
    tesseract-ocr-*) echo "\${arg#tesseract-ocr-}" >> "${packs}" ;;
  esac
done`
}
`,
  );
  await writeFile(path.join(bin, "sudo"), '#!/bin/sh\nexec "$@"\n');
  await chmod(path.join(bin, "apt-get"), 0o755);
  await chmod(path.join(bin, "sudo"), 0o755);
  const run = (env: Record<string, string> = {}) => {
    const result = spawnSync("/bin/bash", [".ci/run", "--machine-only"], {
      cwd: projectRoot,
      encoding: "utf8",
      env: { PATH: bin, SBIN_PATH: sbin, HOME: bin, ...env },
    });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  };
  const aptLog = async () =>
    (await readFile(log, "utf8").catch(() => "")).trim().split("\n").filter(Boolean);
  return { bin, run, aptLog };
}

describe(".ci/run on a machine", () => {
  it("that has every tool: installs nothing and goes on", async () => {
    const { run, aptLog } = await machine(
      ["chromium", "libxml2-utils", "translate-toolkit", "nginx", "tesseract-ocr"],
      "fails",
    );
    const result = run();
    expect(result.status, result.stderr).toBe(0);
    expect(await aptLog()).toEqual([]);
  });

  it("that lacks xmllint, pocount, nginx and tesseract and cannot install them: stops with one line naming the packages", async () => {
    const { run, aptLog } = await machine(["chromium"], "fails");
    const result = run();
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^\.ci\/run: the tests need the Debian package\(s\) libxml2-utils translate-toolkit nginx tesseract-ocr tesseract-ocr-deu tesseract-ocr-eng, which could not be installed/,
    );
    expect(await aptLog()).toEqual(["apt-get update -qq"]);
  });

  it("whose CHROME_PATH names no executable: does not take it for a browser and installs Chromium", async () => {
    const { bin, run, aptLog } = await machine(
      ["libxml2-utils", "translate-toolkit", "nginx", "tesseract-ocr"],
      "installs",
    );
    const notExecutable = path.join(bin, "chrome.txt");
    await writeFile(notExecutable, "not a browser\n");
    for (const chromePath of [path.join(bin, "no-such-browser"), notExecutable]) {
      const result = run({ CHROME_PATH: chromePath });
      expect(result.status, result.stderr).toBe(0);
      expect(result.stderr).toContain(`CHROME_PATH=${chromePath} is not an executable file`);
    }
    expect(await aptLog()).toEqual(["apt-get update -qq", "apt-get install -y -qq chromium"]);
  });

  it("whose CHROME_PATH names an executable: uses it", async () => {
    const { bin, run, aptLog } = await machine(
      ["libxml2-utils", "translate-toolkit", "nginx", "tesseract-ocr"],
      "fails",
    );
    const browser = path.join(bin, "my-chrome");
    await writeFile(browser, "#!/bin/sh\nexit 0\n");
    await chmod(browser, 0o755);
    expect(run({ CHROME_PATH: browser }).status).toBe(0);
    expect(await aptLog()).toEqual([]);
  });

  it("whose nginx is in /usr/sbin, off the user's PATH as on Debian: finds it and installs nothing", async () => {
    const { run, aptLog } = await machine(
      ["chromium", "libxml2-utils", "translate-toolkit", "tesseract-ocr"],
      "fails",
      ["nginx"],
    );
    const result = run();
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain("The machine has every tool the tests need.");
    expect(await aptLog()).toEqual([]);
  });

  it("whose tesseract lacks the OCR pack of a language in data/languages.ts and cannot install it: stops with one line naming its package", async () => {
    const { run } = await machine(
      ["chromium", "libxml2-utils", "translate-toolkit", "nginx", "tesseract-ocr"],
      "fails",
      [],
      ["eng", "osd"],
    );
    const result = run();
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split("\n")).toEqual([
      expect.stringMatching(
        /^\.ci\/run: the tests need the Debian package\(s\) tesseract-ocr-deu, which/,
      ),
    ]);
  });

  it("whose tesseract lacks an OCR pack apt-get can install: installs that pack and goes on", async () => {
    const { run, aptLog } = await machine(
      ["chromium", "libxml2-utils", "translate-toolkit", "nginx", "tesseract-ocr"],
      "installs",
      [],
      ["eng", "osd"],
    );
    const result = run();
    expect(result.status, result.stderr).toBe(0);
    expect(await aptLog()).toEqual([
      "apt-get update -qq",
      "apt-get install -y -qq tesseract-ocr-deu",
    ]);
  });

  it("that lacks a tool apt-get can install: installs it and goes on", async () => {
    const { run, aptLog } = await machine(
      ["chromium", "translate-toolkit", "nginx", "tesseract-ocr"],
      "installs",
    );
    const result = run();
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain("Installing libxml2-utils");
    expect(await aptLog()).toEqual(["apt-get update -qq", "apt-get install -y -qq libxml2-utils"]);
  });
});
