/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import type { ElementInfo, GateWindow } from "../in-page.ts";
import type { PageProbe, ProbeFinding } from "./types.ts";

/** What the page's markup fails to say, by rule. */
interface MarkupReport {
  alt: (ElementInfo & { alt: string; why: "file" | "placeholder" | "decoration" })[];
  svg: ElementInfo[];
  tables: ElementInfo[];
  headings: (ElementInfo & { size: number; base: number; bold: boolean })[];
  lists: (ElementInfo & { items: number })[];
}

/** Words alone in an alternative text that say nothing about the image. */
const PLACEHOLDER_ALT =
  "^(image|img|bild|foto|photo|picture|pic|grafik|graphic|icon|symbol|logo|spacer|platzhalter|placeholder|untitled|unbenannt|alt|alt text|alternativtext|image description|bildbeschreibung)\\s*\\d*$";

/** Words in an alternative text that describe decoration, which needs `alt=""` instead. */
const DECORATION_ALT =
  "\\b(dekorativ\\w*|decorative|dekoration|decoration|ornament\\w*|schmuck\\w*|zierleiste|zierelement|trennlinie|divider|spacer|abstandhalter|hintergrundbild|background image|verzierung)\\b";

/** Characters that start an item of a list typed as text. */
const BULLET = "^\\s*([•·▪▫◦‣⁃∙○●■□►▶✓✔➤→–—*+-]|\\d{1,2}[.)])\\s+\\S";

/**
 * Reads the page for meaning that only its look conveys: alternative texts that are file
 * names, placeholders or descriptions of decoration, SVG graphics with no name that are not
 * hidden, tables without header cells, text styled as a heading but not marked as one, and
 * lists typed as lines with bullet characters.
 */
export const meaningProbe: PageProbe = {
  rules: ["image-alt-text", "svg-name", "table-headers", "heading-markup", "list-markup"],
  criteria: {
    "image-alt-text": ["1.1.1"],
    "svg-name": ["1.1.1"],
    "table-headers": ["1.3.1"],
    "heading-markup": ["1.3.1"],
    "list-markup": ["1.3.1"],
  },
  async run(tab) {
    const report = await tab.evaluate(
      (patterns: { placeholder: string; decoration: string; bullet: string }) => {
        const gate = (window as unknown as GateWindow).__a11yGate;
        const placeholder = new RegExp(patterns.placeholder, "i");
        const decoration = new RegExp(patterns.decoration, "i");
        const bullet = new RegExp(patterns.bullet, "u");
        const hidden = (element: Element) =>
          element.closest('[aria-hidden="true"], [role="presentation"], [role="none"]') !== null;
        const found: MarkupReport = { alt: [], svg: [], tables: [], headings: [], lists: [] };

        for (const image of document.querySelectorAll(
          'img[alt], input[type="image"][alt], area[alt]',
        )) {
          const alt = (image.getAttribute("alt") ?? "").trim();
          if (alt === "" || hidden(image)) continue;
          const source = (image.getAttribute("src") ?? "").split(/[?#]/)[0]?.split("/").pop() ?? "";
          const stem = source.replace(/\.[a-z0-9]+$/i, "");
          const why =
            /\.(png|jpe?g|gif|svg|webp|avif|bmp|tiff?|ico)$/i.test(alt) ||
            /^(IMG|DSC|DCIM|PXL|Screenshot)[_\- ]?\d+/i.test(alt) ||
            (stem.length > 2 && [source, stem].includes(alt))
              ? "file"
              : placeholder.test(alt.replace(/[.:\-–]+$/, ""))
                ? "placeholder"
                : decoration.test(alt)
                  ? "decoration"
                  : null;
          if (why !== null) found.alt.push({ ...gate.describe(image), alt, why });
        }

        for (const svg of document.querySelectorAll("svg")) {
          if (svg.parentElement?.closest("svg") || hidden(svg) || !gate.shown(svg)) continue;
          if (
            svg.querySelector(
              "path, rect, circle, ellipse, line, polyline, polygon, text, image, use",
            ) === null
          )
            continue;
          const named =
            (svg.getAttribute("aria-label") ?? "").trim() !== "" ||
            svg.hasAttribute("aria-labelledby") ||
            (svg.querySelector(":scope > title")?.textContent ?? "").trim() !== "";
          // An icon beside a control's own text adds nothing that needs a name.
          const control = svg.closest("a[href], button, label, summary");
          const besideText = control !== null && (control as HTMLElement).innerText.trim() !== "";
          if (!named && !besideText) found.svg.push(gate.describe(svg));
        }

        for (const table of document.querySelectorAll("table")) {
          if (hidden(table) || !gate.shown(table)) continue;
          const rows = [...table.rows];
          const columns = Math.max(0, ...rows.map((row) => row.cells.length));
          const headed =
            table.querySelector('th, [role="columnheader"], [role="rowheader"], td[headers]') !==
            null;
          if (rows.length >= 2 && columns >= 2 && !headed) found.tables.push(gate.describe(table));
        }

        const scope = document.querySelector("main") ?? document.body;
        const blocks = [...scope.querySelectorAll("p, div, span")].filter((element) => {
          const display = getComputedStyle(element).display;
          return (
            gate.shown(element) &&
            /block|flex|grid|list-item/.test(display) &&
            element.closest(
              'h1, h2, h3, h4, h5, h6, [role="heading"], a, button, label, legend, caption, th, dt, summary, figcaption, li, nav, pre, table',
            ) === null
          );
        });
        const sizes = new Map<number, number>();
        for (const paragraph of scope.querySelectorAll("p")) {
          const size = parseFloat(getComputedStyle(paragraph).fontSize);
          sizes.set(size, (sizes.get(size) ?? 0) + (paragraph as HTMLElement).innerText.length);
        }
        const base =
          [...sizes].sort((a, b) => b[1] - a[1])[0]?.[0] ??
          parseFloat(getComputedStyle(document.body).fontSize);
        const boldText = (element: Element) => {
          const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
          let any = false;
          for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
            if ((node.textContent ?? "").trim() === "") continue;
            any = true;
            if (Number(getComputedStyle(node.parentElement as Element).fontWeight) < 600)
              return false;
          }
          return any;
        };
        for (const block of blocks) {
          const text = (block as HTMLElement).innerText.trim();
          const words = text.split(/\s+/).length;
          const letters = text.match(/\p{L}/gu)?.length ?? 0;
          if (
            text === "" ||
            words > 12 ||
            text.length > 80 ||
            /[.!?:;,]$/.test(text) ||
            /\d/.test(text) ||
            letters < 0.5 * text.length
          )
            continue;
          if (
            [...block.children].some((child) =>
              /block|flex|grid/.test(getComputedStyle(child).display),
            )
          )
            continue;
          const next = block.nextElementSibling;
          if (next === null || (next as HTMLElement).innerText.trim().length <= text.length)
            continue;
          const size = parseFloat(getComputedStyle(block).fontSize);
          const bold = boldText(block);
          const nextBold = boldText(next);
          if (size >= base * 1.2 || (bold && !nextBold && size >= base)) {
            found.headings.push({ ...gate.describe(block), size, base, bold });
          }
        }

        const startsItem = (element: Element) => bullet.test((element as HTMLElement).innerText);
        for (const block of blocks) {
          if (block.querySelector("br") !== null) {
            const lines = (block as HTMLElement).innerText
              .split("\n")
              .filter((line) => bullet.test(line));
            if (lines.length >= 2)
              found.lists.push({ ...gate.describe(block), items: lines.length });
            continue;
          }
          const previous = block.previousElementSibling;
          if (previous !== null && blocks.includes(previous) && startsItem(previous)) continue;
          let items = 0;
          for (
            let node: Element | null = block;
            node !== null && blocks.includes(node) && startsItem(node);
            node = node.nextElementSibling
          )
            items++;
          if (items >= 2) found.lists.push({ ...gate.describe(block), items });
        }
        return found;
      },
      { placeholder: PLACEHOLDER_ALT, decoration: DECORATION_ALT, bullet: BULLET },
    );
    return findingsOf(report);
  },
};

function findingsOf(report: MarkupReport): ProbeFinding[] {
  const finding = (rule: string, element: ElementInfo, message: string): ProbeFinding => ({
    rule,
    selector: element.selector,
    context: element.context,
    message,
  });
  return [
    ...report.alt.map((image) =>
      finding(
        "image-alt-text",
        image,
        image.why === "decoration"
          ? `The alternative text "${image.alt}" describes decoration; a decorative image needs alt="" so screen readers skip it (WCAG 1.1.1).`
          : `The alternative text "${image.alt}" is ${image.why === "file" ? "a file name" : "a placeholder"}, not what the image shows or does (WCAG 1.1.1).`,
      ),
    ),
    ...report.svg.map((svg) =>
      finding(
        "svg-name",
        svg,
        `The SVG graphic ${svg.selector} has no name and is not hidden, so screen readers announce an unnamed graphic (WCAG 1.1.1): ` +
          'give it role="img" and aria-label (or a <title>) if it carries information, or aria-hidden="true" if it is decoration.',
      ),
    ),
    ...report.tables.map((table) =>
      finding(
        "table-headers",
        table,
        `The table ${table.selector} has no header cells, so screen readers cannot say which row and column a value belongs to (WCAG 1.3.1): ` +
          'mark the headers with <th scope="col"> and <th scope="row">, or give a layout table role="presentation".',
      ),
    ),
    ...report.headings.map((heading) =>
      finding(
        "heading-markup",
        heading,
        `"${heading.text}" looks like a heading (${heading.size >= heading.base * 1.2 ? `${Math.round(heading.size)} px against ${Math.round(heading.base)} px text` : "bold, before text that is not"}) ` +
          "but is not marked as one, so screen reader users cannot find it among the headings (WCAG 1.3.1): use <h2> to <h6>.",
      ),
    ),
    ...report.lists.map((list) =>
      finding(
        "list-markup",
        list,
        `"${list.text}" is a list of ${list.items} items typed as lines with bullet characters or numbers, so screen readers read no list (WCAG 1.3.1): use <ul> or <ol> with <li>.`,
      ),
    ),
  ];
}
