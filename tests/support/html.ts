import { parseDocument } from "htmlparser2";
import { findAll, findOne, getAttributeValue, textContent } from "domutils";
import type { Element } from "domhandler";

/** A parsed page with the few queries the site tests need. */
export interface ParsedPage {
  all(predicate: (element: Element) => boolean): Element[];
  first(predicate: (element: Element) => boolean): Element | null;
}

/** Parses HTML for assertions. */
export function parseHtml(html: string): ParsedPage {
  const document = parseDocument(html);
  return {
    all: (predicate) => findAll(predicate, document.children),
    first: (predicate) => findOne(predicate, document.children),
  };
}

/** The elements inside `element` that match. */
export function within(
  element: Element | null,
  predicate: (element: Element) => boolean,
): Element[] {
  return element === null ? [] : findAll(predicate, element.children);
}

/** Matches elements by tag name and, optionally, attribute values. */
export function tag(name: string, attributes: Record<string, string> = {}) {
  return (element: Element): boolean =>
    element.name === name &&
    Object.entries(attributes).every(([key, value]) => getAttributeValue(element, key) === value);
}

/** An element's attribute, or undefined. */
export function attribute(element: Element | null, name: string): string | undefined {
  return element === null ? undefined : getAttributeValue(element, name);
}

/**
 * An element's text as readers read it: without the soft hyphens the build puts into long
 * words, which show only where a line breaks a word. `rawText` keeps them.
 */
export function text(element: Element | null): string {
  return rawText(element).replace(/\u00ad/g, "");
}

/** An element's text content exactly as the markup holds it. */
export function rawText(element: Element | null): string {
  return element === null ? "" : textContent(element);
}
