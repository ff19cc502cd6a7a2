import { html, type Html } from "../../lib/html.ts";
import type { GateReport } from "../gate.ts";
import { reportPage } from "../report-page.ts";
import { summaryLine } from "../runner.ts";

/** What became of one page at one width, compared with the last passing run. */
export interface ShotResult {
  path: string;
  width: number;
  status: "changed" | "unchanged" | "new";
  /** Share of pixels changed (0 to 1); null for a page the last passing run did not have. */
  share: number | null;
  /** Images, relative to the report's folder. */
  images: { current: ReportImage; baseline: ReportImage | null; diff: ReportImage | null };
}

/** A picture in the report: a screen-high thumbnail, and the whole page where a reviewer needs it. */
export interface ReportImage {
  thumbnail: string;
  /** Where the thumbnail starts, in px from the top of the page: 0, or just above the change. */
  top: number;
  /** The whole page; null for a page that did not change, whose thumbnail is all there is. */
  full: string | null;
}

/** The visual check's own part of its report (`details` in report.json). */
export interface VisualDetails {
  /** Where the screenshots were compared from; null when there was no passing run yet. */
  baseline: string | null;
  /** Whether this run's screenshots became the new baseline. */
  baselineUpdated: boolean;
  shots: ShotResult[];
  /** Pages the last passing run had that this site no longer has. */
  removed: string[];
}

/** A share of pixels as people read it: "2.35 %", and "less than 0.01 %" for a few pixels. */
export function formatShare(share: number): string {
  if (share > 0 && share < 0.0001) return "less than 0.01 %";
  return `${(share * 100).toFixed(2)} %`;
}

const order: Record<ShotResult["status"], number> = { changed: 0, new: 1, unchanged: 2 };

function figure(image: ReportImage, caption: string, alt: string): Html {
  const shown = image.top === 0 ? "first screen" : `from ${image.top} px down`;
  const thumbnail = html`<img src="${image.thumbnail}" alt="${alt}, ${shown}" width="240" loading="lazy">`;
  return html`<figure>
${image.full === null ? thumbnail : html`<a href="${image.full}">${thumbnail}</a>`}
<figcaption>${caption} (${shown})</figcaption>
</figure>`;
}

function shotSection(shot: ShotResult): Html {
  const where = `${shot.path} at ${shot.width} px`;
  const heading =
    shot.status === "changed"
      ? `${where}: changed, ${formatShare(shot.share ?? 0)} of the pixels`
      : shot.status === "new"
        ? `${where}: new, no earlier screenshot`
        : `${where}: unchanged`;
  const figures = [
    figure(shot.images.current, "Now", `${where}, now`),
    shot.images.baseline !== null &&
      figure(shot.images.baseline, "Last passing run", `${where}, in the last passing run`),
    shot.images.diff !== null &&
      figure(
        shot.images.diff,
        "Difference, changed pixels in red",
        `${where}, changed pixels in red`,
      ),
  ];
  return html`<section class="${shot.status}">
<h3>${heading}</h3>
<div class="figures">${figures}</div>
</section>`;
}

/**
 * The report page for reviewers: every page at every width as a screen-high thumbnail, changed
 * pages first with the last passing run's screenshot, the difference and the share of pixels
 * changed (their thumbnails showing the screen where the change begins), then new pages, then
 * unchanged ones. The thumbnails of changed and new pages link to the whole page.
 */
export function renderVisualReport(report: GateReport): string {
  const details = report.details as VisualDetails | undefined;
  const shots = [...(details?.shots ?? [])].sort(
    (a, b) => order[a.status] - order[b.status] || (b.share ?? 0) - (a.share ?? 0),
  );
  const count = (status: ShotResult["status"]) =>
    shots.filter((shot) => shot.status === status).length;
  const title = `Visual check: ${report.status}`;
  return reportPage(
    title,
    html`<p>${summaryLine(report)}</p>
<p>${count("changed")} changed, ${count("new")} new, ${count("unchanged")} unchanged screenshot(s), compared with ${details?.baseline ?? "no earlier run"}.${
      details !== undefined &&
      details.removed.length > 0 &&
      html` Gone since then: ${details.removed.join(", ")}.`
    }</p>
${report.findings
  .filter((finding) => finding.severity === "error")
  .map((finding) => html`<p><strong>${finding.url ?? ""}</strong>: ${finding.message}</p>`)}
<h2>Screenshots</h2>
${shots.map(shotSection)}`,
    html`.figures{display:flex;flex-wrap:wrap;gap:1rem}figure{margin:0}img{border:1px solid #767676;display:block;height:auto}.changed h3{color:#8a1c00}section{border-top:1px solid #767676;padding-block:.5rem}`,
    "80rem",
  );
}
