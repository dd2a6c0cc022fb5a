/** Byte counts as people read them (`20 MiB`, `1.5 MiB`, `300 KiB`, `12 bytes`), for refusals and the start-up log. */
export function formatBytes(bytes: number): string {
  const units: [number, string][] = [
    [2 ** 30, 'GiB'],
    [2 ** 20, 'MiB'],
    [2 ** 10, 'KiB'],
  ];
  for (const [size, unit] of units) {
    if (bytes >= size) return `${Number((bytes / size).toFixed(1))} ${unit}`;
  }
  return `${bytes} bytes`;
}
