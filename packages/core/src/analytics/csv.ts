export type CsvCell = string | number | null;

/**
 * RFC 4180 CSV: CRLF line ends, fields quoted when they hold a comma, quote or line break. Text
 * that a spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a leading apostrophe:
 * channel and member names are typed by people and end up in someone's Excel.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return `${[header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}

function cell(value: CsvCell): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
