/** Plain-text tables for the eval reports. */

export const mark = (ok: boolean): string => (ok ? '✓' : '✗');

/** Rows of cells padded to their columns' widths, two spaces apart. */
export function pad(cells: string[][]): string[] {
  const widths = cells[0]!.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  return cells.map((r) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd());
}
