const UNITS = ["B", "KiB", "MiB", "GiB", "TiB"] as const;

/** A size for people: "0 B", "999 B", "1.5 KiB", "2 GiB" (binary units). */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return "?";
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const shown =
    unit === 0 ? String(value) : String(Math.round(value * 10) / 10);
  return `${shown} ${UNITS[unit] ?? "B"}`;
}
