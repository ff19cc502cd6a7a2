import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { exampleSiteUrl, useExamplePublisher } from "../open-data/example-publisher.ts";
import { buildInProcess, editFile, runScript } from "../support/project.ts";
import {
  copyOfCopy,
  copyWithPublishedSite,
  expectRefusedBuild,
  hashFiles,
  replaceOnce,
} from "./support.ts";

let root: string;

beforeAll(async () => {
  root = await copyWithPublishedSite();
});

afterEach(() => {
  vi.unstubAllEnvs();
});

/**
 * Builds a fresh copy of the published project for publication after `edit`, and asserts it was
 * refused: exit code 1, nothing written (every file, `_site/` included, as before), and each of
 * `parts` in the message.
 */
async function expectRefusedForPublication(
  edit: (copy: string) => Promise<void>,
  ...parts: string[]
): Promise<string> {
  const copy = await copyOfCopy(root);
  await edit(copy);
  const before = hashFiles(copy);
  const result = await buildInProcess(copy, { production: true });
  expect(result.status, result.output).toBe(1);
  expect(result.stderr).toContain("The site was not built for publication");
  for (const part of parts) expect(result.stderr).toContain(part);
  expect(result.output).not.toMatch(/^ {4}at /m);
  expect(hashFiles(copy)).toEqual(before);
  return result.stderr;
}

describe("npm run build -- --production", () => {
  it("refuses the shipped placeholders and a missing SITE_URL, listing every problem at once with its file and field, and exits 1", async () => {
    vi.stubEnv("SITE_URL", "");
    const message = await expectRefusedForPublication(
      async () => {},
      "data/publisher.ts (organisation): is still a placeholder",
      "data/publisher.ts (licence): is still a placeholder",
      "data/publisher.ts (contributorId): is still a placeholder",
      "data/publisher.ts (dataModifiedOn): is still a placeholder",
      "data/sources.ts (brandenburg.url): is still a placeholder",
      "data/sources.ts (lzg.retrievedOn): is still a placeholder",
      "SITE_URL (environment variable): is not set",
      "warning: data/sources.ts (brandenburg.publisher.confirmed)",
    );
    expect(message).toMatch(/19 problem\(s\) to fix first/);
  });

  it("refuses a SITE_URL that is not https: or names this machine, with everything else filled in", async () => {
    for (const [siteUrl, reason] of [
      ["http://gesundheit.example.org", "must start with https:"],
      ["https://localhost:8080", "names this machine"],
      ["https://127.0.0.1", "names this machine"],
      ["https://localhost.", "names this machine"],
      ["https://[::ffff:127.0.0.1]", "names this machine"],
      ["https://[::]", "names this machine"],
      ["https://ip6-localhost", "names this machine"],
    ] as const) {
      vi.stubEnv("SITE_URL", siteUrl);
      const message = await expectRefusedForPublication(
        useExamplePublisher,
        `SITE_URL (environment variable): "${siteUrl}" ${reason}`,
      );
      expect(message).toMatch(/1 problem\(s\) to fix first/);
    }
  });

  it("refuses a SITE_URL with a path together with the placeholders, in one list, naming the variable rather than a data field", async () => {
    const siteUrl = "https://gesundheit.example.org/sub/";
    vi.stubEnv("SITE_URL", siteUrl);
    const message = await expectRefusedForPublication(
      async () => {},
      "data/publisher.ts (organisation): is still a placeholder",
      `SITE_URL (environment variable): "${siteUrl}" must be the site's origin only`,
    );
    expect(message).toMatch(/19 problem\(s\) to fix first/);
    expect(message).not.toContain("defaultBaseUrl");
  });

  it("refuses placeholder text marked as filled in, naming its field", async () => {
    vi.stubEnv("SITE_URL", exampleSiteUrl);
    await expectRefusedForPublication(async (copy) => {
      await useExamplePublisher(copy);
      await editFile(copy, "data/publisher.ts", (text) =>
        replaceOnce(
          text,
          /"value": "Beispielamt für Gesundheitswirtschaft \(Beispiel\)"/,
          '"value": "[Platzhalter: Name der herausgebenden Stelle]"',
        ),
      );
    }, 'data/publisher.ts (organisation): reads "[Platzhalter: Name der herausgebenden Stelle", which marks a value still to be filled in');
  });

  it("refuses a page that shows a placeholder typed into it, naming the built page and line", async () => {
    vi.stubEnv("SITE_URL", exampleSiteUrl);
    const stderr = await expectRefusedForPublication(async (copy) => {
      await useExamplePublisher(copy);
      await editFile(
        copy,
        "src/site/de/impressum.md",
        (text) => `${text.trimEnd()}\n\nTelefon: [Platzhalter: Telefonnummer]\n`,
      );
    }, 'shows "[Platzhalter: Telefonnummer", which marks a value still to be filled in');
    expect(stderr).toMatch(/^_site\/de\/impressum\/index\.html:\d+: shows/m);
  });

  it("refuses one placeholder put back into the example publisher's data, naming its field", async () => {
    vi.stubEnv("SITE_URL", exampleSiteUrl);
    await expectRefusedForPublication(async (copy) => {
      await useExamplePublisher(copy);
      await editFile(copy, "data/publisher.ts", (text) =>
        text.replace(
          /"dataContact": \{[^}]*\}/,
          '"dataContact": { "placeholder": true, "value": { "de": "E-Mail", "en": "Email" } }',
        ),
      );
    }, "data/publisher.ts (dataContact): is still a placeholder");
  });

  it("is what the command line runs: the flag reaches the build, and a wrong option exits 2 with the usage", () => {
    vi.stubEnv("SITE_URL", exampleSiteUrl);
    const refused = runScript(root, "scripts/build.ts", ["--production"]);
    expect(refused.status, refused.output).toBe(1);
    expect(refused.stderr).toContain("data/publisher.ts (organisation): is still a placeholder");
    const wrong = runScript(root, "scripts/build.ts", ["--prod"]);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain("Usage: npm run build [-- options]");
  });
});

describe("npm run build (any build)", () => {
  it("refuses an email address or telephone number that is not one, naming the field", async () => {
    for (const [field, value, reason] of [
      ["email", "[Platzhalter: E-Mail]", "email"],
      ["phone", "Telefonnummer folgt", "must be a telephone number"],
    ] as const) {
      await expectRefusedBuild(
        root,
        async (copy) => {
          await useExamplePublisher(copy);
          await editFile(copy, "data/publisher.ts", (text) =>
            replaceOnce(
              text,
              new RegExp(`"${field}": \\{\\s*"placeholder": false,\\s*"value": "[^"]*"`),
              `"${field}": { "placeholder": false, "value": ${JSON.stringify(value)}`,
            ),
          );
        },
        `data/publisher.ts (${field}.value)`,
        reason,
      );
    }
  });

  it("refuses a SITE_URL with a path, naming the variable rather than the data module's field", async () => {
    vi.stubEnv("SITE_URL", "https://gesundheit.example.org/sub/");
    const result = await expectRefusedBuild(
      root,
      async () => {},
      `SITE_URL (environment variable): "https://gesundheit.example.org/sub/" must be the site's origin only`,
    );
    expect(result.output).not.toContain("defaultBaseUrl");
  });
});

describe("npm run build (a development build)", () => {
  it("builds with placeholders and says in one line that the site is not publishable and why", async () => {
    vi.stubEnv("SITE_URL", "");
    const copy = await copyOfCopy(root);
    await editFile(copy, "src/site/_includes/layouts/open-data.njk", (layout) =>
      replaceOnce(
        layout,
        "{{ content | safe }}",
        "{{ content | safe }}<!-- production: {{ production }} -->",
      ),
    );
    const result = await buildInProcess(copy);
    expect(result.status, result.output).toBe(0);
    const notice = result.output.split("\n").filter((line) => /not publishable/.test(line));
    expect(await readFile(path.join(copy, "_site/de/daten/index.html"), "utf8")).toContain(
      "<!-- production: false -->",
    );
    expect(notice).toEqual([
      expect.stringMatching(
        /^Development build, not publishable: \d+ placeholders in data\/, SITE_URL is not set \(npm run build -- --production lists every problem\)\.$/,
      ),
    ]);
  });

  it("does not call itself an official website, even with the publisher's details filled in", async () => {
    vi.stubEnv("SITE_URL", exampleSiteUrl);
    const copy = await copyOfCopy(root);
    await useExamplePublisher(copy);
    const result = await buildInProcess(copy);
    expect(result.status, result.output).toBe(0);
    const home = await readFile(path.join(copy, "_site/de/index.html"), "utf8");
    expect(home).toContain("Vorschau – keine offizielle Website");
    expect(home).not.toContain("Eine offizielle Website");
  });
});
