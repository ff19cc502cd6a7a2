import { Ajv2020 } from "ajv/dist/2020.js";
import { beforeAll, describe, expect, it } from "vitest";
import { buildTexts, realProject, testBaseUrl, type RealProject } from "./support.ts";

let project: RealProject;

beforeAll(async () => {
  project = await realProject();
});

/** The built facts.json, parsed, and a validator compiled from the built facts.schema.json. */
function builtJson() {
  const { text } = buildTexts(project.data, project.translator);
  const schema = JSON.parse(text("factsSchema")) as Record<string, unknown>;
  const validate = new Ajv2020({ strict: true, allErrors: true }).compile(schema);
  return { facts: JSON.parse(text("factsJson")) as Record<string, unknown>, schema, validate };
}

describe("facts.json", () => {
  it("points to its schema, which validates it with JSON Schema 2020-12", () => {
    const { facts, schema, validate } = builtJson();
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(facts.$schema).toBe(`${testBaseUrl}/data/facts.schema.json`);
    expect(schema.$id).toBe(facts.$schema);
    expect(validate(facts), JSON.stringify(validate.errors)).toBe(true);
  });

  it("lists every fact with its value, unit, the source's qualifier, both texts and the source", () => {
    const { facts } = builtJson();
    const list = facts.facts as Record<string, unknown>[];
    expect(list.map((fact) => fact.id)).toEqual(Object.keys(project.data.facts));
    expect(list.find((fact) => fact.id === "berlinBrandenburg.employees")).toMatchObject({
      region: "berlinBrandenburg",
      measure: "employees",
      unit: "count",
      qualifier: project.data.facts["berlinBrandenburg.employees"]?.qualifier,
      text: {
        de: expect.stringMatching(/^fast /) as unknown,
        en: expect.stringMatching(/^almost /) as unknown,
      },
      source: { publisher: "Land Brandenburg", url: null, retrievedOn: null },
    });
  });

  it("is refused by its schema when a value is text, a qualifier unknown or a field missing", () => {
    const { facts, validate } = builtJson();
    const [first, ...rest] = facts.facts as Record<string, unknown>[];
    const variants = [
      { ...first, value: "370000" },
      { ...first, qualifier: "roughly" },
      Object.fromEntries(Object.entries(first ?? {}).filter(([key]) => key !== "source")),
    ];
    for (const variant of variants) {
      expect(validate({ ...facts, facts: [variant, ...rest] })).toBe(false);
    }
  });
});
