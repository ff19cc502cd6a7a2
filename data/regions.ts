import type { z } from "zod";
import type { regionsModule } from "../src/lib/data/schemas.ts";

/**
 * The regions the key-figures table compares, each with the source its figures come from.
 * What the sources say about each region is written on the region's page, in each language.
 */
export default {
  berlinBrandenburg: { source: "brandenburg" },
  nrw: { source: "lzg" },
} satisfies z.input<typeof regionsModule>;
