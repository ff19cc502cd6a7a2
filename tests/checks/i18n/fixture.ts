import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { makeTempDir } from "../../support/temp.ts";
import { checkTranslations } from "../../../src/checks/i18n/check.ts";
import type { Finding, FindingCode } from "../../../src/lib/translation-findings.ts";

/**
 * A small project whose translations are complete: a locale file per language with a plain
 * text, a plural and a group used through a prefix; a template using them all; a page pair
 * with two headings and two facts. Only "not yet marked" warnings remain.
 */
export const baseFiles: Readonly<Record<string, string>> = {
  "locales/de/common.json": `{
  "greeting": "Hallo",
  "items_one": "{{count}} Eintrag",
  "items_other": "{{count}} Einträge",
  "region": {
    "north": "Norden",
    "south": "Süden"
  }
}
`,
  "locales/en/common.json": `{
  "greeting": "Hello",
  "items_one": "{{count}} item",
  "items_other": "{{count}} items",
  "region": {
    "north": "North",
    "south": "South"
  }
}
`,
  "src/site/_includes/layout.njk": `<p>{{ "common.greeting" | t }}</p>
<p>{{ "common.items" | t({ count: 2 }) }}</p>
{% for region in ["north", "south"] %}<p>{{ ("common.region." + region) | t }}</p>{% endfor %}
{{ content | safe }}
`,
  "src/site/de/start.md": `---
title: Start
description: Die Startseite.
translationKey: home
---
Es gibt {% fact "a.count" %} Dinge.

## Erster Abschnitt

Text mit {% fact "a.share" %}.

## Zweiter Abschnitt

Mehr Text.
`,
  "src/site/en/home.md": `---
title: Home
description: The home page.
translationKey: home
---
There are {% fact "a.count" %} things.

## First section

Text with {% fact "a.share" %}.

## Second section

More text.
`,
};

/**
 * Writes the base project, with some files replaced (or removed, with `null`), into a new
 * temporary folder, and returns that folder.
 */
export async function createFixture(
  changes: Readonly<Record<string, string | null>> = {},
): Promise<string> {
  const root = await makeTempDir("gw-i18n-");
  const files = { ...baseFiles, ...changes };
  await Promise.all(
    Object.entries(files).map(async ([file, text]) => {
      if (text === null) return;
      await mkdir(path.dirname(path.join(root, file)), { recursive: true });
      await writeFile(path.join(root, file), text);
    }),
  );
  return root;
}

/** The findings of one kind, checking a fixture made with `changes`. */
export async function findingsOf(
  code: FindingCode,
  changes: Readonly<Record<string, string | null>> = {},
): Promise<Finding[]> {
  const root = await createFixture(changes);
  return (await checkTranslations({ projectRoot: root })).filter(
    (finding) => finding.rule === code,
  );
}

/** The findings that are neither "not yet marked" warnings: what a translator must act on. */
export function problems(findings: readonly Finding[]): Finding[] {
  return findings.filter(
    (finding) => finding.rule !== "page-not-marked" && finding.rule !== "key-not-marked",
  );
}
