import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { z } from "zod";
import { validateDataModule } from "../../src/lib/data/load.ts";
import {
  publisherModule,
  sourcesModule,
  type SiteData,
  type sourcesModule as SourcesModule,
} from "../../src/lib/data/schemas.ts";

/**
 * A FICTIONAL publishing body, every detail filled in, for tests of what a published site looks
 * like. Nothing here is a real body, person or address: names say "Beispiel" and every address
 * of its own is under example.org. The contributor id has the form of DCAT-AP.de's list
 * (`http://dcat-ap.de/def/contributors/…`) with an invented name; the licence, its text and the
 * federal arbitration body are the real ones a body would name.
 */
export const examplePublisher = {
  organisation: { placeholder: false, value: "Beispielamt für Gesundheitswirtschaft (Beispiel)" },
  street: { placeholder: false, value: "Beispielstraße 1" },
  postcodeAndTown: { placeholder: false, value: "00000 Beispielstadt" },
  representedBy: { placeholder: false, value: "Erika Beispiel, Leiterin des Beispielamts" },
  email: { placeholder: false, value: "kontakt@example.org" },
  phone: { placeholder: false, value: "+49 000 0000000" },
  responsibleForContent: {
    placeholder: false,
    value: "Max Beispiel, Beispielstraße 1, 00000 Beispielstadt",
  },
  dataProtectionOfficer: { placeholder: false, value: "datenschutz@example.org" },
  hosting: { placeholder: false, value: "Beispiel-Hosting GmbH, Beispielstadt" },
  arbitration: {
    level: "federal",
    federal: { webAddress: "https://www.schlichtungsstelle-bgg.de" },
    // Not published for a federal body; a state body fills these in as well.
    state: {
      name: { placeholder: true, value: { de: "Schlichtungsstelle", en: "Arbitration body" } },
      address: { placeholder: true, value: { de: "Anschrift", en: "Address" } },
      webAddress: { placeholder: true, value: { de: "Internetadresse", en: "Web address" } },
    },
  },
  contributorId: {
    placeholder: false,
    value: "http://dcat-ap.de/def/contributors/beispielamtGesundheitswirtschaft",
  },
  licence: {
    placeholder: false,
    value: {
      uri: "http://dcat-ap.de/def/licenses/dl-by-de/2.0",
      name: {
        de: "Datenlizenz Deutschland – Namensnennung – Version 2.0",
        en: "Data licence Germany – attribution – version 2.0",
      },
      text: "https://www.govdata.de/dl-de/by-2-0",
    },
  },
  dataContact: { placeholder: false, value: "daten@example.org" },
  dataIssuedOn: { placeholder: false, value: "2026-11-23" },
  dataModifiedOn: { placeholder: false, value: "2026-11-23" },
  dataUpdateFrequency: "IRREG",
  dataAvailability: "AVAILABLE",
} satisfies z.input<typeof publisherModule>;

/** Where and when the example body read each source (fictional addresses under example.org). */
export const exampleSourceDetails = {
  brandenburg: {
    url: { placeholder: false, value: "https://www.example.org/brandenburg/gesundheitswirtschaft" },
    retrievedOn: { placeholder: false, value: "2026-11-22" },
  },
  lzg: {
    url: { placeholder: false, value: "https://www.example.org/nrw/gesundheitswirtschaft" },
    retrievedOn: { placeholder: false, value: "2026-11-22" },
  },
} satisfies Record<string, Pick<z.input<typeof SourcesModule>[string], "url" | "retrievedOn">>;

/** The address the example site is published at. */
export const exampleSiteUrl = "https://gesundheit.example.org";

/** The project's data with the example publisher and its sources' details, validated as the build validates them. */
export function withExamplePublisher(data: SiteData): SiteData {
  const sources = Object.fromEntries(
    Object.entries(data.sources).map(([id, source]) => [
      id,
      { ...source, ...exampleSourceDetails[id as keyof typeof exampleSourceDetails] },
    ]),
  );
  return {
    ...data,
    publisher: validateDataModule("data/publisher.ts", publisherModule, examplePublisher),
    sources: validateDataModule("data/sources.ts", sourcesModule, sources),
  };
}

/**
 * Puts the example publisher into a project copy: `data/publisher.ts` becomes the example, and
 * `data/sources.ts` keeps its sources with the example's addresses and dates added, so the copy
 * builds as the example body would publish it.
 */
export async function useExamplePublisher(root: string): Promise<void> {
  await writeFile(
    path.join(root, "data/publisher.ts"),
    `// A fictional example publisher (tests/open-data/example-publisher.ts).\nexport default ${JSON.stringify(examplePublisher, null, 2)};\n`,
  );
  const sourcesFile = path.join(root, "data/sources.ts");
  const sources = await readFile(sourcesFile, "utf8");
  const [head, tail] = sources.split("export default {");
  if (head === undefined || tail === undefined || !tail.includes("} satisfies")) {
    throw new Error("data/sources.ts no longer has the form `export default { … } satisfies …`");
  }
  await writeFile(
    sourcesFile,
    `${head}const sources = {${tail}
const details: Record<string, object> = ${JSON.stringify(exampleSourceDetails, null, 2)};
export default Object.fromEntries(
  Object.entries(sources).map(([id, source]) => [id, { ...source, ...details[id] }]),
);
`,
  );
}
