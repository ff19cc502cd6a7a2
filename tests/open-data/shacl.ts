import { readFile } from "node:fs/promises";
import path from "node:path";
import { Parser, Store, type Quad } from "n3";
import SHACLValidator from "rdf-validate-shacl";

/** The DCAT-AP.de 3.0 shapes the tests validate `dcat.ttl` with (see the file's header). */
const shapesFile = path.join(import.meta.dirname, "shapes/dcat-ap-de-3.0.ttl");

export const shaclViolation = "http://www.w3.org/ns/shacl#Violation";
export const shaclWarning = "http://www.w3.org/ns/shacl#Warning";

/** One result of a SHACL validation: its severity, the property's path and the node it concerns. */
export interface ShaclResult {
  severity: string;
  path: string;
  focus: string;
}

let shapes: Promise<Store> | undefined;

/** Parses Turtle into quads, as a harvester reads `dcat.ttl`. */
export function parseTurtle(turtle: string): Quad[] {
  return new Parser({ format: "text/turtle" }).parse(turtle);
}

/** Validates quads against the DCAT-AP.de 3.0 shapes with rdf-validate-shacl, results sorted. */
export async function validateDcat(quads: Quad[]): Promise<ShaclResult[]> {
  shapes ??= readFile(shapesFile, "utf8").then((text) => new Store(parseTurtle(text)));
  const report = await new SHACLValidator(await shapes).validate(new Store(quads));
  return report.results
    .map((result) => ({
      severity: result.severity.value,
      // An alternative path (the contact's email, URL or telephone) is a blank node.
      path: result.path.termType === "NamedNode" ? result.path.value : "(alternative path)",
      focus: result.focusNode.value,
    }))
    .sort((a, b) =>
      `${a.severity}${a.path}${a.focus}`.localeCompare(`${b.severity}${b.path}${b.focus}`),
    );
}
