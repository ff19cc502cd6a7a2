import { DataFactory, Writer, type NamedNode, type Quad, type Quad_Object } from "n3";
import { absoluteUrl } from "../base-url.ts";
import type { Publisher, ToReplace } from "../data/schemas.ts";
import type { Translate, Translator } from "../i18n.ts";
import { textIn } from "../data/localized.ts";
import { languageInfo, languages, type Language } from "../languages.ts";
import { factsSchemaUrl } from "./facts-json.ts";
import { catalogueFile, openDataFileTexts, openDataPath, type BuiltOpenDataFile } from "./files.ts";

/** The vocabularies the catalogue uses, as Turtle prefixes. */
export const dcatPrefixes = {
  dcat: "http://www.w3.org/ns/dcat#",
  dct: "http://purl.org/dc/terms/",
  dcatde: "http://dcat-ap.de/def/dcatde/",
  dcatap: "http://data.europa.eu/r5r/",
  foaf: "http://xmlns.com/foaf/0.1/",
  vcard: "http://www.w3.org/2006/vcard/ns#",
  xsd: "http://www.w3.org/2001/XMLSchema#",
  rdf: "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
} as const;

const iri = (value: string): NamedNode => DataFactory.namedNode(value);
const literal = (value: string, languageOrDatatype?: string | NamedNode) =>
  DataFactory.literal(value, languageOrDatatype);

function term(prefix: keyof typeof dcatPrefixes, name: string): NamedNode {
  return iri(`${dcatPrefixes[prefix]}${name}`);
}

const euAuthority = "http://publications.europa.eu/resource/authority/";
/** A language's term in the EU language vocabulary, where `data/languages.ts` gives its code. */
function languageTerm(language: Language): NamedNode[] {
  const code = languageInfo(language).euLanguage;
  return code === undefined ? [] : [iri(`${euAuthority}language/${code}`)];
}
const languageTerms = languages.flatMap(languageTerm);

/**
 * The federal states each region of the site covers, as DCAT-AP.de political geocoding keys:
 * the sources speak of Berlin and Brandenburg together, and of North Rhine-Westphalia.
 */
const stateKeys: Record<string, readonly string[]> = {
  berlinBrandenburg: ["11", "12"],
  nrw: ["05"],
};

/**
 * The EU data themes of the dataset: employment and revenue of the health economy are about
 * the economy (ECON) and about health (HEAL).
 */
const dataThemes = ["ECON", "HEAL"];

/** What the catalogue needs besides the files. */
export interface DcatOptions {
  baseUrl: string;
  translator: Translator;
  publisher: Publisher;
  /** The regions the facts are about (the first part of the ids in `data/facts.ts`). */
  regions: readonly string[];
  /** The data page in each language (site paths), the dataset's landing pages. */
  landingPages: Partial<Record<Language, string>>;
}

/** Writes quads as Turtle; N3's writer delivers its output synchronously when writing to a string. */
function writeTurtle(quads: Quad[]): string {
  const writer = new Writer({ prefixes: dcatPrefixes });
  writer.addQuads(quads);
  let output: string | undefined;
  writer.end((error: Error | null, result: string) => {
    if (error !== null) throw error;
    output = result;
  });
  if (output === undefined) throw new Error("the Turtle writer produced no output");
  return output;
}

/** Whether a licence of DCAT-AP.de's vocabulary asks users to name the publisher (`dl-by-de`, `cc-by…`). */
export function requiresAttribution(licenceUri: string): boolean {
  const id = licenceUri.replace(/^http:\/\/dcat-ap\.de\/def\/licenses\//, "");
  return /(^|-)by(-|\/|$)/.test(id);
}

/**
 * `dcat.ttl`: the dataset's metadata in DCAT-AP.de 3.0 (Turtle) for GovData and other portals —
 * a catalogue with one dataset and one distribution per downloadable file, with every mandatory
 * and recommended property the data can give. Dates come from `data/publisher.ts`, never from
 * the build's clock, so two builds of the same data are identical. The one recommended property
 * left out is `dct:temporal`: the sources do not say which period their figures refer to.
 * A value `data/publisher.ts` still holds as a placeholder is written as its placeholder text,
 * so a harvester sees plainly what is missing instead of an invented identifier.
 */
export function dcatTurtle(
  distributions: readonly BuiltOpenDataFile[],
  options: DcatOptions,
): string {
  const { baseUrl, translator, publisher } = options;
  const dcatFile = absoluteUrl(openDataPath(catalogueFile), baseUrl);
  const node = (fragment: string) => iri(`${dcatFile}#${fragment}`);
  const catalog = node("catalog");
  const dataset = node("dataset");
  const agent = node("publisher");
  const contact = node("contact-point");

  const quads: Quad[] = [];
  const add = (subject: NamedNode, predicate: NamedNode, ...objects: Quad_Object[]) => {
    for (const object of objects) quads.push(DataFactory.quad(subject, predicate, object));
  };
  const inEachLanguage = (text: (t: Translate, language: Language) => string) =>
    languages.map((language) =>
      literal(
        text((key, values) => translator.t(language, key, values), language),
        language,
      ),
    );
  const publisherValue = <Filled>(
    entry: ToReplace<Filled>,
    toTerm: (value: Filled) => Quad_Object,
  ): Quad_Object[] =>
    entry.placeholder
      ? languages.map((language) =>
          literal(
            translator.t(language, "publisher.placeholder", {
              value: textIn(entry.value, language),
            }),
            language,
          ),
        )
      : [toTerm(entry.value)];
  const date = (day: string) => literal(day, term("xsd", "date"));
  const issued = publisherValue(publisher.dataIssuedOn, date);
  const modified = publisherValue(publisher.dataModifiedOn, date);
  const licence = publisherValue(publisher.licence, (filled) => iri(filled.uri));
  const availability = iri(`${euAuthority}planned-availability/${publisher.dataAvailability}`);
  const states = options.regions
    .flatMap((region) => stateKeys[region] ?? [])
    .map((key) => iri(`http://dcat-ap.de/def/politicalGeocoding/stateKey/${key}`));

  add(catalog, term("rdf", "type"), term("dcat", "Catalog"));
  add(catalog, term("dct", "title"), ...inEachLanguage((t) => t("openData.catalog.title")));
  add(
    catalog,
    term("dct", "description"),
    ...inEachLanguage((t) => t("openData.catalog.description")),
  );
  add(catalog, term("dct", "publisher"), agent);
  add(catalog, term("dct", "issued"), ...issued);
  add(catalog, term("dct", "modified"), ...modified);
  add(catalog, term("foaf", "homepage"), iri(absoluteUrl("/", baseUrl)));
  add(catalog, term("dct", "language"), ...languageTerms);
  add(catalog, term("dct", "license"), ...licence);
  add(catalog, term("dcat", "themeTaxonomy"), iri(`${euAuthority}data-theme`));
  add(catalog, term("dcatap", "availability"), availability);
  add(catalog, term("dct", "spatial"), ...states);
  add(catalog, term("dcat", "dataset"), dataset);

  add(dataset, term("rdf", "type"), term("dcat", "Dataset"));
  add(dataset, term("dct", "title"), ...inEachLanguage((t) => t("openData.dataset.title")));
  add(
    dataset,
    term("dct", "description"),
    ...inEachLanguage((t) => t("openData.dataset.description")),
  );
  add(dataset, term("dct", "identifier"), literal(dataset.value));
  add(dataset, term("dcatde", "contributorID"), ...publisherValue(publisher.contributorId, iri));
  add(dataset, term("dct", "publisher"), agent);
  // The publishing body compiled the dataset from the sources' figures.
  add(dataset, term("dct", "creator"), agent);
  add(dataset, term("dcat", "contactPoint"), contact);
  add(
    dataset,
    term("dcat", "keyword"),
    ...languages.flatMap((language) =>
      translator
        .t(language, "openData.dataset.keywords")
        .split(", ")
        .map((keyword) => literal(keyword, language)),
    ),
  );
  add(
    dataset,
    term("dcat", "theme"),
    ...dataThemes.map((theme) => iri(`${euAuthority}data-theme/${theme}`)),
  );
  add(dataset, term("dct", "language"), ...languageTerms);
  add(
    dataset,
    term("dcat", "landingPage"),
    ...Object.values(options.landingPages).flatMap((url) =>
      url === undefined ? [] : [iri(absoluteUrl(url, baseUrl))],
    ),
  );
  add(dataset, term("dct", "issued"), ...issued);
  add(dataset, term("dct", "modified"), ...modified);
  add(
    dataset,
    term("dct", "accrualPeriodicity"),
    iri(`${euAuthority}frequency/${publisher.dataUpdateFrequency}`),
  );
  add(dataset, term("dcatap", "availability"), availability);
  // DCAT-AP.de 3.0 gives the area covered in dct:spatial (dcatde:politicalGeocodingURI is
  // deprecated), with the political geocoding keys of the federal states.
  add(dataset, term("dct", "spatial"), ...states);
  // The administrative level of the body that publishes the data.
  add(
    dataset,
    term("dcatde", "politicalGeocodingLevelURI"),
    iri(`http://dcat-ap.de/def/politicalGeocoding/Level/${publisher.arbitration.level}`),
  );

  add(dataset, term("dcat", "distribution"), ...distributions.map((file) => node(file.id)));
  for (const file of distributions) {
    const distribution = node(file.id);
    const url = iri(absoluteUrl(openDataPath(file), baseUrl));
    add(distribution, term("rdf", "type"), term("dcat", "Distribution"));
    add(
      distribution,
      term("dct", "title"),
      ...inEachLanguage((t, language) => openDataFileTexts(file, language, t).title),
    );
    add(
      distribution,
      term("dct", "description"),
      ...inEachLanguage((t, language) => openDataFileTexts(file, language, t).description),
    );
    add(distribution, term("dcat", "accessURL"), url);
    add(distribution, term("dcat", "downloadURL"), url);
    add(
      distribution,
      term("dcat", "mediaType"),
      iri(`https://www.iana.org/assignments/media-types/${file.mediaType}`),
    );
    add(distribution, term("dct", "format"), iri(`${euAuthority}file-type/${file.fileType}`));
    add(distribution, term("dct", "license"), ...licence);
    if (!publisher.licence.placeholder && requiresAttribution(publisher.licence.value.uri)) {
      add(
        distribution,
        term("dcatde", "licenseAttributionByText"),
        ...publisherValue(publisher.organisation, (name) => literal(name)),
      );
    }
    add(
      distribution,
      term("dcat", "byteSize"),
      literal(String(file.bytes.byteLength), term("xsd", "nonNegativeInteger")),
    );
    add(distribution, term("dct", "issued"), ...issued);
    add(distribution, term("dct", "modified"), ...modified);
    add(distribution, term("dcatap", "availability"), availability);
    if (file.language !== undefined) {
      add(distribution, term("dct", "language"), ...languageTerm(file.language));
    }
    if (file.key === "factsJson") {
      add(distribution, term("dct", "conformsTo"), iri(factsSchemaUrl(baseUrl)));
    }
  }

  const organisationName = publisherValue(publisher.organisation, (name) => literal(name));
  add(agent, term("rdf", "type"), term("foaf", "Agent"));
  add(agent, term("foaf", "name"), ...organisationName);
  add(contact, term("rdf", "type"), term("vcard", "Kind"));
  add(contact, term("vcard", "fn"), ...organisationName);
  add(
    contact,
    term("vcard", "hasEmail"),
    ...publisherValue(publisher.dataContact, (email) => iri(`mailto:${email}`)),
  );
  return writeTurtle(quads);
}
