import { escapeHtml, html, trustedHtml } from "../../lib/html.ts";
import {
  formatWordDiff,
  type ChangedTranslation,
  type SegmentChange,
  type WordChange,
} from "../../translation/diff.ts";
import { languageName, sourceLanguage } from "../../lib/languages.ts";
import {
  countStates,
  itemStates,
  type ItemState,
  type LanguageStatus,
  type StatusItem,
} from "./status.ts";
import { projectFolders } from "../../lib/project.ts";
import { reportPage } from "../report-page.ts";

const stateLabels: Record<ItemState, string> = {
  translated: "Translated",
  adapted: "Adapted",
  "not-marked": "Not yet marked",
  outdated: "Outdated",
  untranslated: "Not translated yet",
  missing: "Missing",
  "by-design": "Untranslated by design",
};

const stateMeanings: Record<ItemState, string> = {
  translated: `present and, for a translation, made from the ${languageName(sourceLanguage)} version as it is now (${languageName(sourceLanguage)} is the source language, so its texts and pages count as translated when they exist)`,
  adapted: `an adaptation of the ${languageName(sourceLanguage)} page written for its own readers ("adaptation: true" in its front matter, such as an easy-read page), not a translation: it is neither exchanged nor outdated`,
  "not-marked": `translated, but nobody has yet recorded which ${languageName(sourceLanguage)} version it was made from: check it, then run "npm run i18n:mark"`,
  outdated: `the ${languageName(sourceLanguage)} version has changed since the translation was made: update the translation, then run "npm run i18n:mark"`,
  untranslated: `a copy of the ${languageName(sourceLanguage)} version, not translated yet (as "npm run lang:add" made it): translate it, then run "npm run i18n:mark"; a production build refuses it until then`,
  missing: "exists in another language but not in this one: add it",
  "by-design":
    'a page that exists in another language only, on purpose ("onlyInThisLanguage" in its front matter)',
};

const kinds = [
  { kind: "text", label: `Texts (${projectFolders.locales}/)` },
  { kind: "page", label: "Pages (src/)" },
] as const;

function heading(status: LanguageStatus): string {
  const name = `${languageName(status.language)} (${status.language})`;
  return status.isSource ? `${name}, the source language` : name;
}

function itemsOf(status: LanguageStatus, kind: StatusItem["kind"]): StatusItem[] {
  return kind === "text" ? status.texts : status.pages;
}

function needsWork(status: LanguageStatus): StatusItem[] {
  return [...status.texts, ...status.pages].filter(
    (item) => item.state !== "translated" && item.state !== "adapted",
  );
}

function place(item: StatusItem): string {
  return item.line === undefined ? item.file : `${item.file}:${item.line}`;
}

function segmentPlace(change: SegmentChange): string {
  const heading = change.heading === undefined ? "" : `, under "${change.heading}"`;
  return `${change.file}:${change.line}${heading}`;
}

function changeLabel(change: SegmentChange): string {
  return change.before === undefined ? "new" : change.after === undefined ? "removed" : "changed";
}

/** The changed segments as text: one line per segment, words marked `[-old-]{+new+}`. */
function formatChangesText(changed: readonly ChangedTranslation[]): string[] {
  if (changed.length === 0) return [];
  return [
    `What changed in the ${languageName(sourceLanguage)} since the translation ([-removed-] {+added+})`,
    ...changed.flatMap(({ translation, source, changes }) => [
      `  ${translation} (from ${source}):`,
      ...changes.map(
        (change) =>
          `    ${change.id} (${changeLabel(change)}, ${segmentPlace(change)}): ${formatWordDiff(change.words)}`,
      ),
    ]),
    "",
  ];
}

/** The status as plain-text tables for the terminal, with the items that need work. */
export function formatStatusText(
  statuses: readonly LanguageStatus[],
  changed: readonly ChangedTranslation[] = [],
): string {
  const header = ["", ...itemStates.map((state) => stateLabels[state])];
  const lines: string[] = ["Translation status", ""];
  for (const status of statuses) {
    const rows = kinds.map(({ kind, label }) => {
      const counts = countStates(itemsOf(status, kind));
      return [label, ...itemStates.map((state) => String(counts[state]))];
    });
    const widths = header.map((cell, column) =>
      Math.max(cell.length, ...rows.map((row) => row[column]?.length ?? 0)),
    );
    const format = (row: string[]) =>
      `  ${row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join("  ")}`.trimEnd();
    lines.push(heading(status), format(header), ...rows.map(format));
    // "Not yet marked" is listed in full by the check and the report page; here it would drown the rest.
    const urgent = needsWork(status).filter(
      (item) => item.state === "missing" || item.state === "outdated",
    );
    for (const item of urgent) {
      lines.push(
        `  ${stateLabels[item.state].toLowerCase()}: ${item.kind} ${item.name} (${place(item)})`,
      );
    }
    lines.push("");
  }
  lines.push(...formatChangesText(changed));
  return lines.join("\n");
}

function table(
  caption: string,
  head: string[],
  rows: { header: string; cells: string[] }[],
): string {
  return [
    "<table>",
    `  <caption>${escapeHtml(caption)}</caption>`,
    `  <thead><tr>${head.map((cell) => `<th scope="col">${escapeHtml(cell)}</th>`).join("")}</tr></thead>`,
    "  <tbody>",
    ...rows.map(
      (row) =>
        `    <tr><th scope="row">${escapeHtml(row.header)}</th>${row.cells.map((cell) => `<td>${escapeHtml(cell)}</td>`).join("")}</tr>`,
    ),
    "  </tbody>",
    "</table>",
  ].join("\n");
}

function languageSection(status: LanguageStatus): string {
  const name = languageName(status.language);
  const summary = table(
    `${name}: texts and pages by state`,
    ["Kind", ...itemStates.map((state) => stateLabels[state])],
    kinds.map(({ kind, label }) => {
      const counts = countStates(itemsOf(status, kind));
      return { header: label, cells: itemStates.map((state) => String(counts[state])) };
    }),
  );
  const items = needsWork(status);
  const details =
    items.length === 0
      ? `<p>Nothing to do in ${escapeHtml(name)}.</p>`
      : table(
          `${name}: texts and pages that are not translated and up to date`,
          ["Name", "Kind", "State", "Where"],
          items.map((item) => ({
            header: item.name,
            cells: [item.kind, stateLabels[item.state], place(item)],
          })),
        );
  return [`<h2>${escapeHtml(heading(status))}</h2>`, summary, details].join("\n");
}

function wordsHtml(words: readonly WordChange[]): string {
  return words
    .map(({ kind, text }) =>
      kind === "same"
        ? escapeHtml(text)
        : kind === "removed"
          ? `<del><span class="visually-hidden">removed: </span>${escapeHtml(text)}</del>`
          : `<ins><span class="visually-hidden">added: </span>${escapeHtml(text)}</ins>`,
    )
    .join("");
}

function changesSection(changed: readonly ChangedTranslation[]): string {
  if (changed.length === 0) return "";
  const source = languageName(sourceLanguage);
  return [
    `<h2>What changed in the ${escapeHtml(source)}</h2>`,
    `<p>For each outdated translation, the ${escapeHtml(source)} segments that changed since it was made: removed words struck through, added words underlined.</p>`,
    ...changed.map(({ translation, source: sourceFile, changes }) =>
      [
        `<h3>${escapeHtml(translation)} <small>(from ${escapeHtml(sourceFile)})</small></h3>`,
        "<ul>",
        ...changes.map(
          (change) =>
            `  <li><p><code>${escapeHtml(change.id)}</code>, ${escapeHtml(changeLabel(change))}, ${escapeHtml(segmentPlace(change))}</p><p>${wordsHtml(change.words)}</p></li>`,
        ),
        "</ul>",
      ].join("\n"),
    ),
  ].join("\n");
}

/** The status as an accessible HTML page for translators (not part of the published site). */
export function renderStatusHtml(
  statuses: readonly LanguageStatus[],
  changed: readonly ChangedTranslation[] = [],
): string {
  const meanings = itemStates
    .map(
      (state) =>
        `  <dt>${escapeHtml(stateLabels[state])}</dt>\n  <dd>${escapeHtml(stateMeanings[state])}</dd>`,
    )
    .join("\n");
  return reportPage(
    "Translation status",
    trustedHtml(`<p>${escapeHtml(languageName(sourceLanguage))} is the source language; the other languages are translations of it. This page is written by <code>npm run i18n:status</code>; <code>npm run check:i18n</code> lists every problem with its file and line. TRANSLATING.md explains how to fix each one.</p>
${statuses.map(languageSection).join("\n")}
${changesSection(changed)}
<h2>What the states mean</h2>
<dl>
${meanings}
</dl>`),
    html`body{color:#1a1a1a;background:#fff}table{border-collapse:collapse;margin:1rem 0 2rem}caption{font-weight:bold;text-align:left;padding-bottom:.25rem}th,td{border:1px solid #767676;padding:.25rem .5rem;text-align:left;vertical-align:top}td{font-variant-numeric:tabular-nums}dt{font-weight:bold}del{background:#fde0e0;color:#7a0000}ins{background:#dcf5dc;color:#004d00}.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}`,
    "60rem",
  );
}
