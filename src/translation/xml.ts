import { SaxesParser } from "saxes";

/** An XML element as read: local name, namespace, attributes by local name, and its line. */
export interface XmlElement {
  name: string;
  namespace: string;
  attributes: Record<string, string>;
  children: XmlNode[];
  /** The 1-based line on which its start tag ends. */
  line: number;
}

/** An element or a run of text. */
export type XmlNode = XmlElement | string;

/** A file that is not well-formed XML, with where the parser stopped. */
export class XmlSyntaxError extends Error {
  override name = "XmlSyntaxError";
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

/**
 * How deep elements may nest. The exchange's files nest a few levels (file, body, unit,
 * target, a code or two); the readers walk the tree recursively, and a file nesting thousands
 * of tags deep would exhaust the stack instead of being refused.
 */
export const maxXmlDepth = 100;

/** A file nesting elements deeper than `maxXmlDepth`. */
export class XmlTooDeepError extends XmlSyntaxError {
  override name = "XmlTooDeepError";
}

/**
 * Reads a well-formed XML document into its root element; throws `XmlSyntaxError` if it is
 * not, `XmlTooDeepError` if its elements nest deeper than `maxXmlDepth`.
 */
export function parseXml(text: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  const addText = (value: string) => {
    const parent = stack[stack.length - 1];
    if (parent === undefined) return;
    const last = parent.children[parent.children.length - 1];
    if (typeof last === "string") parent.children[parent.children.length - 1] = last + value;
    else parent.children.push(value);
  };
  parser.on("opentag", (tag) => {
    const element: XmlElement = {
      name: tag.local,
      namespace: tag.uri,
      attributes: Object.fromEntries(
        Object.values(tag.attributes).map((attribute) => [
          attribute.prefix === "xml" ? `xml:${attribute.local}` : attribute.local,
          attribute.value,
        ]),
      ),
      children: [],
      line: parser.line,
    };
    if (stack.length >= maxXmlDepth) {
      throw new XmlTooDeepError(`elements are nested more than ${maxXmlDepth} deep`, parser.line);
    }
    stack[stack.length - 1]?.children.push(element);
    stack.push(element);
    root ??= element;
  });
  parser.on("closetag", () => stack.pop());
  parser.on("text", addText);
  parser.on("cdata", addText);
  try {
    parser.write(text).close();
  } catch (error) {
    if (error instanceof XmlSyntaxError) throw error;
    const reason = (error as Error).message.replace(/^[^:]*:\d+:\d+: /, "");
    throw new XmlSyntaxError(reason, parser.line);
  }
  if (root === undefined) throw new XmlSyntaxError("the file holds no XML element", 1);
  return root;
}

/** The child elements of an element with the given local name. */
export function childElements(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter(
    (child): child is XmlElement => typeof child !== "string" && child.name === name,
  );
}

/** Text escaped for XML content. */
export function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Text escaped for a double-quoted XML attribute. */
export function escapeAttribute(text: string): string {
  return escapeXml(text).replace(/"/g, "&quot;").replace(/\n/g, "&#10;");
}

/** Attributes written in order, each escaped; undefined ones left out. */
export function attributes(values: Record<string, string | undefined>): string {
  return Object.entries(values)
    .flatMap(([name, value]) =>
      value === undefined ? [] : [` ${name}="${escapeAttribute(value)}"`],
    )
    .join("");
}
