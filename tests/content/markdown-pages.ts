import { readFile } from "node:fs/promises";
import path from "node:path";
import { load as parseYaml } from "js-yaml";
import { glob } from "tinyglobby";
import type { Language } from "../../src/lib/languages.ts";
import { projectRoot } from "../support/project.ts";

/** A page of the site as its Markdown source gives it. */
export interface MarkdownPage {
  file: string;
  language: Language;
  translationKey: string;
  easyLanguage: boolean;
  url: string;
  /** The Markdown after the front matter. */
  body: string;
  /** The fact ids its `{% fact %}` shortcodes name. */
  factsUsed: Set<string>;
}

function splitFrontMatter(text: string): { frontMatter: Record<string, unknown>; body: string } {
  const match = /^---\n([\s\S]*?)\n---\n?/.exec(text);
  if (match === null) return { frontMatter: {}, body: text };
  return {
    frontMatter: parseYaml(match[1] ?? "") as Record<string, unknown>,
    body: text.slice(match[0].length),
  };
}

/** Every page of `src/site/{de,en}/`, sorted by file, with the address the build gives it. */
export async function readMarkdownPages(): Promise<MarkdownPage[]> {
  const files = (await glob("src/site/{de,en}/*.md", { cwd: projectRoot })).sort();
  return Promise.all(
    files.map(async (file) => {
      const { frontMatter, body } = splitFrontMatter(
        await readFile(path.join(projectRoot, file), "utf8"),
      );
      const language = file.split("/")[2] as Language;
      const slug = path.basename(file, ".md");
      const permalink = frontMatter.permalink;
      return {
        file,
        language,
        translationKey: String(frontMatter.translationKey),
        easyLanguage: frontMatter.easyLanguage === true,
        url:
          typeof permalink === "string"
            ? permalink
            : slug === "index"
              ? `/${language}/`
              : `/${language}/${slug}/`,
        body,
        factsUsed: new Set(
          [...body.matchAll(/\{%-?\s*fact\s+"([^"]+)"/g)].map((match) => match[1] ?? ""),
        ),
      };
    }),
  );
}
