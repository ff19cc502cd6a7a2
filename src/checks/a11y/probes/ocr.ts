/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { execFileSync, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import type { Page } from "puppeteer-core";
import { languageInfo, languages as siteLanguages } from "../../../lib/languages.ts";
import type { ElementInfo, GateWindow } from "../in-page.ts";
import type { Problem, SitePage } from "../types.ts";
import { shootKept } from "./screenshots.ts";
import type { PageProbe, ProbeFinding } from "./types.ts";

/** The OCR engine: Debian's `tesseract-ocr`, with a `tesseract-ocr-<pack>` per language. */
const TESSERACT = "tesseract";
/** The language pack Debian's `tesseract-ocr` always brings. */
const DEFAULT_PACK = "eng";

/**
 * Images smaller than this on screen (CSS pixels) are not read: icons and bullets carry no
 * running text, and reading costs about half a second per image.
 */
export const MIN_OCR_SIZE = { width: 120, height: 40 } as const;

/** Words the engine reads with less confidence (0 to 100) do not count: photos give noise. */
const MIN_WORD_CONFIDENCE = 80;

/** Image formats the engine reads (through Leptonica). */
const READABLE = /^image\/(png|jpeg|gif|webp|tiff|bmp)$/;

let version: string | null | undefined;
let languages: string | undefined;

/** The engine's version, or null when it is not installed. */
function engineVersion(): string | null {
  if (version !== undefined) return version;
  try {
    version =
      execFileSync(TESSERACT, ["--version"], { encoding: "utf8" }).split("\n")[0] ?? TESSERACT;
  } catch {
    version = null;
  }
  return version;
}

/**
 * The language packs to read with: those of the site's languages (`ocr` in `data/languages.ts`)
 * that are installed, else the engine's default.
 */
function engineLanguages(): string {
  languages ??= (() => {
    const installed = execFileSync(TESSERACT, ["--list-langs"], { encoding: "utf8" })
      .split("\n")
      .slice(1)
      .map((line) => line.trim());
    const wanted = siteLanguages.flatMap((language) => languageInfo(language).ocr ?? []);
    return wanted.filter((pack) => installed.includes(pack)).join("+") || DEFAULT_PACK;
  })();
  return languages;
}

/** What the fingerprint of the gate's results records of the OCR engine. */
export function ocrEngineVersion(): string {
  return engineVersion() ?? "(no OCR engine)";
}

/** The words an image's pixels carry, as the OCR engine reads them with confidence. */
export function wordsOfTsv(tsv: string): string[] {
  return tsv
    .split("\n")
    .slice(1)
    .map((line) => line.split("\t"))
    .filter((cells) => cells.length >= 12 && Number(cells[10]) >= MIN_WORD_CONFIDENCE)
    .map((cells) => (cells[11] ?? "").trim())
    .filter((word) => {
      const letters = word.match(/\p{L}/gu)?.length ?? 0;
      return letters >= 3 && letters >= 0.6 * word.length;
    });
}

/** Whether words read from an image are text a reader would read, not a stray letter or two. */
export function carriesText(words: readonly string[]): boolean {
  return words.length >= 2 || words.join("").length >= 8;
}

function readImage(bytes: Uint8Array, languages: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    // One thread: the gate's tabs already keep every core busy.
    const child = spawn(TESSERACT, ["stdin", "stdout", "-l", languages, "tsv"], {
      stdio: ["pipe", "pipe", "ignore"],
      env: { ...process.env, OMP_THREAD_LIMIT: "1" },
    });
    let output = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
    child.on("error", reject);
    child.on("close", (status) => {
      if (status === 0) resolve(wordsOfTsv(output));
      else reject(new Error(`${TESSERACT} exited with status ${String(status)}`));
    });
    child.stdin.on("error", () => undefined);
    child.stdin.end(bytes);
  });
}

/** The words of an SVG image's `<text>` elements. */
function svgWords(svg: string): string[] {
  const words: string[] = [];
  for (const match of svg.matchAll(/<text\b[^>]*>([\s\S]*?)<\/text>/g)) {
    words.push(
      ...(match[1] ?? "")
        .replace(/<[^>]+>/g, " ")
        .split(/\s+/)
        .filter((word) => (word.match(/\p{L}/gu)?.length ?? 0) >= 3),
    );
  }
  return words;
}

/** An image on the page big enough to carry text. */
interface PageImage extends ElementInfo {
  index: number;
  /** Where the browser loaded it from, to read it. */
  url: string;
  /** Its address as reports show it: a path on the site, or another site's URL. */
  shown: string;
  /** Its text alternative ("" for decoration), or null for a CSS background. */
  alt: string | null;
  /** Decoration: empty alt, hidden from assistive technology, or a CSS background. */
  decorative: boolean;
  /** A logo: WCAG 1.4.5 allows text in it. */
  logo: boolean;
}

function pageImages(tab: Page, min: typeof MIN_OCR_SIZE): Promise<PageImage[]> {
  return tab.evaluate((min: typeof MIN_OCR_SIZE) => {
    const gate = (window as unknown as GateWindow).__a11yGate;
    gate.kept = [];
    const found: PageImage[] = [];
    const hidden = (element: Element) =>
      element.closest('[aria-hidden="true"]') !== null ||
      ["presentation", "none"].includes(element.getAttribute("role") ?? "");
    const logo = (element: Element, alt: string) =>
      /logo|signet|wortmarke|wordmark/i.test(
        `${alt} ${element.getAttribute("src") ?? ""} ${element.getAttribute("class") ?? ""}`,
      );
    const add = (element: Element, url: string, alt: string | null) => {
      gate.kept.push(element);
      found.push({
        ...gate.describe(element),
        index: gate.kept.length - 1,
        url,
        shown: gate.address(url),
        alt,
        decorative: alt === null || alt.trim() === "" || hidden(element),
        logo: logo(element, alt ?? ""),
      });
    };
    for (const element of document.querySelectorAll("body *")) {
      const box = element.getBoundingClientRect();
      if (box.width < min.width || box.height < min.height || !gate.shown(element)) continue;
      if (element instanceof HTMLImageElement && element.currentSrc !== "") {
        add(element, element.currentSrc, element.getAttribute("alt"));
      } else if (element instanceof HTMLInputElement && element.type === "image") {
        add(element, element.src, element.alt);
      }
      const background = getComputedStyle(element).backgroundImage;
      for (const match of background.matchAll(/url\("?([^")]+)"?\)/g)) {
        if (!(match[1] ?? "").startsWith("data:")) add(element, match[1] ?? "", null);
      }
    }
    return found;
  }, min);
}

/** The words in an image, or null when they cannot be read (no engine, unreadable format). */
async function imageWords(image: PageImage, memo: Map<string, unknown>): Promise<string[] | null> {
  const response = await fetch(image.url).catch(() => null);
  if (response === null || !response.ok) return null;
  const type = (response.headers.get("content-type") ?? "").split(";")[0]?.trim() ?? "";
  const bytes = new Uint8Array(await response.arrayBuffer());
  const key = `ocr:${createHash("sha256").update(bytes).digest("hex")}`;
  const known = memo.get(key) as Promise<string[] | null> | undefined;
  if (known !== undefined) return known;
  const words =
    type === "image/svg+xml"
      ? Promise.resolve(svgWords(Buffer.from(bytes).toString("utf8")))
      : engineVersion() === null || !READABLE.test(type)
        ? Promise.resolve(null)
        : readImage(bytes, engineLanguages());
  memo.set(key, words);
  return words;
}

function unread(page: SitePage, image: PageImage, why: string): Problem {
  return {
    url: page.url,
    runner: "probe",
    rule: "image-of-text",
    selector: image.selector,
    context: image.context,
    severity: "notice",
    message: `Whether the image ${image.shown} shows text could not be read (${why}); a person must look (WCAG 1.4.5).`,
  };
}

function textFindings(image: PageImage, words: string[], screenshot?: Uint8Array): ProbeFinding[] {
  const shown = words.slice(0, 12).join(" ");
  const common = {
    selector: image.selector,
    context: image.context,
    measured: { words: shown },
    ...(screenshot === undefined ? {} : { screenshot }),
  };
  const findings: ProbeFinding[] = [];
  const alt = (image.alt ?? "").toLowerCase();
  if (image.decorative || !words.some((word) => alt.includes(word.toLowerCase()))) {
    findings.push({
      ...common,
      rule: "image-text-hidden",
      message: image.decorative
        ? `The image ${image.shown} shows the text "${shown}" but is ${image.alt === null ? "a CSS background" : "marked as decoration"}, so screen readers never get the text (WCAG 1.1.1).`
        : `The image ${image.shown} shows the text "${shown}", which its text alternative "${image.alt ?? ""}" does not give (WCAG 1.1.1).`,
    });
  }
  if (!image.logo) {
    findings.push({
      ...common,
      rule: "image-of-text",
      message: `The image ${image.shown} shows the text "${shown}" as pixels, which readers cannot resize, recolour or reflow (WCAG 1.4.5); set the text as HTML text instead.`,
    });
  }
  return findings;
}

/**
 * Images that carry text (WCAG 1.4.5 Images of Text), read with an OCR engine only where it
 * can matter: images of at least MIN_OCR_SIZE on screen, each distinct image once per run.
 * Text in an image marked as decoration, or missing from its text alternative, is also a
 * failure of 1.1.1. SVG images are read from their `<text>`; an image the engine cannot read
 * (no engine installed, another format) is left to a person.
 */
export const imagesOfTextProbe: PageProbe = {
  rules: ["image-of-text", "image-text-hidden"],
  criteria: { "image-of-text": ["1.4.5"], "image-text-hidden": ["1.1.1"] },
  async run(tab, page, { memo, undecided }) {
    const findings: ProbeFinding[] = [];
    for (const image of await pageImages(tab, MIN_OCR_SIZE)) {
      const words = await imageWords(image, memo);
      if (words === null) {
        undecided.push(
          unread(
            page,
            image,
            engineVersion() === null
              ? "the OCR engine is not installed: apt-get install tesseract-ocr tesseract-ocr-deu"
              : "its format is not one the OCR engine reads",
          ),
        );
      } else if (carriesText(words)) {
        const screenshot = (await shootKept(tab, image.index)) ?? undefined;
        findings.push(...textFindings(image, words, screenshot));
      }
    }
    return findings;
  },
};
