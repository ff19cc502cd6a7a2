import type { Language } from "../languages.ts";

/**
 * A file size as readers of the language write it, in decimal units: "850 Byte" / "850 byte",
 * "3,4 kB" / "3.4 kB", "1,2 MB" / "1.2 MB".
 */
export function formatFileSize(bytes: number, language: Language): string {
  const [unit, amount] =
    bytes < 1_000
      ? (["byte", bytes] as const)
      : bytes < 1_000_000
        ? (["kilobyte", bytes / 1_000] as const)
        : (["megabyte", bytes / 1_000_000] as const);
  return new Intl.NumberFormat(language, {
    style: "unit",
    unit,
    unitDisplay: "short",
    maximumFractionDigits: 1,
  }).format(amount);
}
