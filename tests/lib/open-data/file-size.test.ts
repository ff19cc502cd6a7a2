import { describe, expect, it } from "vitest";
import { formatFileSize } from "../../../src/lib/open-data/file-size.ts";

describe("formatFileSize", () => {
  it("writes bytes, kilobytes and megabytes in decimal units, as readers of the language write numbers", () => {
    expect(formatFileSize(850, "de")).toBe("850 Byte");
    expect(formatFileSize(850, "en")).toBe("850 byte");
    expect(formatFileSize(5_363, "de")).toBe("5,4 kB");
    expect(formatFileSize(5_363, "en")).toBe("5.4 kB");
    expect(formatFileSize(1_250_000, "en")).toBe("1.3 MB");
  });
});
