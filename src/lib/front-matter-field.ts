import { ContentError } from "./errors.ts";
import { readFrontMatter } from "./front-matter.ts";
import { frontMatterLine } from "./pages.ts";

/**
 * Sets one front-matter field to a quoted value, replacing the line that has it or adding it
 * at the end of the front matter. Every other byte of the file stays as it was; a page without
 * front matter (`file` names it) is a `ContentError`.
 */
export function setFrontMatterField(
  file: string,
  text: string,
  field: string,
  value: string,
): string {
  const { bodyLine } = readFrontMatter(text);
  if (bodyLine === 1) throw new ContentError("the page has no front matter", { file });
  const lines = text.split("\n");
  const closing = bodyLine - 2;
  const existing = frontMatterLine(text, field);
  const at = existing !== undefined && existing - 1 < closing ? existing - 1 : closing;
  const ending = (lines[at] ?? "").endsWith("\r") ? "\r" : "";
  const line = `${field}: "${value}"${ending}`;
  lines.splice(at, at === closing ? 0 : 1, line);
  return lines.join("\n");
}
