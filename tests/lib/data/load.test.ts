import { describe, expect, it } from "vitest";
import { contentErrorOf } from "../../support/errors.ts";
import path from "node:path";
import { factsModule, glossaryModule, type SiteData } from "../../../src/lib/data/schemas.ts";
import {
  checkDataReferences,
  loadSiteData,
  validateDataModule,
} from "../../../src/lib/data/load.ts";
import { projectRoot } from "../../support/project.ts";

const label = { de: "Wert", en: "Value" };
const quote = "5 Werte";

describe("validateDataModule", () => {
  it("returns valid data with defaults filled in", () => {
    const facts = validateDataModule("data/facts.ts", factsModule, {
      "x.count": { kind: "count", value: 5, source: "s", label, quote },
    });
    expect(facts["x.count"]).toMatchObject({ notation: "standard" });
  });

  it("names the module and the field of a value with the wrong type", () => {
    const error = contentErrorOf(() =>
      validateDataModule("data/facts.ts", factsModule, {
        "x.count": { kind: "count", value: "5", source: "s", label },
      }),
    );
    expect(error.location).toEqual({ file: "data/facts.ts", key: "x.count.value" });
  });

  it("refuses a negative count", () => {
    const error = contentErrorOf(() =>
      validateDataModule("data/facts.ts", factsModule, {
        "x.count": { kind: "count", value: -1, source: "s", label },
      }),
    );
    expect(error.location.key).toBe("x.count.value");
  });

  it("refuses a glossary entry without a term, naming the entry and language", () => {
    const error = contentErrorOf(() =>
      validateDataModule("data/glossary.ts", glossaryModule, {
        cluster: {
          pages: ["home"],
          terms: { de: { term: " ", avoid: ["der Cluster"] }, en: { term: "cluster" } },
        },
      }),
    );
    expect(error.location).toEqual({ file: "data/glossary.ts", key: "cluster.terms.de.term" });
  });

  it.each([Number.POSITIVE_INFINITY, Number.NaN, 1e308, 1e15 + 2])(
    "refuses an amount that is not a finite figure up to 1e15 (%s)",
    (value) => {
      const error = contentErrorOf(() =>
        validateDataModule("data/facts.ts", factsModule, {
          "x.euro": { kind: "euro", value, source: "s", label, quote },
        }),
      );
      expect(error.location).toEqual({ file: "data/facts.ts", key: "x.euro.value" });
    },
  );

  it("reads -0 as 0, so no page writes a minus before nothing", () => {
    const facts = validateDataModule("data/facts.ts", factsModule, {
      "x.euro": { kind: "euro", value: -0, source: "s", label, quote },
      "x.count": { kind: "count", value: -0, source: "s", label, quote },
    });
    expect(Object.is(facts["x.euro"]?.kind === "euro" && facts["x.euro"].value, 0)).toBe(true);
    expect(Object.is(facts["x.count"]?.kind === "count" && facts["x.count"].value, 0)).toBe(true);
  });

  it("accepts the largest amount the formatters handle", () => {
    const facts = validateDataModule("data/facts.ts", factsModule, {
      "x.euro": { kind: "euro", value: 1e15, source: "s", label, quote },
    });
    expect(facts["x.euro"]).toMatchObject({ value: 1e15 });
  });

  it("refuses a module without a default export", () => {
    expect(() => validateDataModule("data/facts.ts", factsModule, undefined)).toThrow(
      /no default export/,
    );
  });
});

describe("checkDataReferences", () => {
  it("refuses a fact whose source is not listed in the sources module", async () => {
    const data = await loadSiteData(path.join(projectRoot, "data"), projectRoot);
    const broken: SiteData = {
      ...data,
      facts: {
        ...data.facts,
        "x.count": {
          kind: "count",
          value: 1,
          notation: "standard",
          source: "nowhere",
          label,
          quote,
        },
      },
    };
    const error = contentErrorOf(() => {
      checkDataReferences(broken, (name) => `data/${name}.ts`);
    });
    expect(error.location).toEqual({ file: "data/facts.ts", key: "x.count.source" });
  });
});

describe("loadSiteData", () => {
  it("loads and validates the project's own data modules", async () => {
    const data = await loadSiteData(path.join(projectRoot, "data"), projectRoot);
    expect(Object.keys(data).sort()).toEqual([
      "facts",
      "glossary",
      "languages",
      "publisher",
      "regions",
      "site",
      "sources",
      "wcag-coverage",
    ]);
  });
});
