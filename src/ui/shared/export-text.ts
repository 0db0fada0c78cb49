// The text of a saved table and the name of a saved file, with no DOM (export.ts adds the buttons):
// CSV fields quoted as RFC 4180 says, CRLF after every row, a guard against spreadsheet formulas
// that leaves numbers numbers, and file names made of a slugged name and the date.

/**
 * The characters a spreadsheet takes as the start of a formula (OWASP, "CSV Injection"), with their
 * fullwidth forms, which some spreadsheets also accept; leading spaces do not make a cell safe.
 */
const FORMULA_START = /^\s*[=+\-@\t\r＝＋－＠]/;
/** A number as the app writes one ("-1.5", "-3,083", "+2", "12.5%", "-1.234e-7"): read as a number, never a formula. */
const PLAIN_NUMBER = /^[+-]?(?:(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)(?:e[+-]?\d+)?%?$/i;

/** The text with a leading ' when a spreadsheet would run it as a formula; numbers stay numbers. */
export function guardFormula(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text.trim()) ? `'${text}` : text;
}

/** One CSV field (RFC 4180): guarded, and quoted with its quotes doubled when it holds a comma, quote, CR or LF. */
export function csvField(text: string): string {
  const safe = guardFormula(text);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Rows of cells as CSV text: CRLF after every row, as RFC 4180 and spreadsheets expect. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
}

const MAX_SLUG = 48;

/** A name fit for a file: lower-case ASCII letters and digits between single dashes ("export" when none is left). */
export function slug(name: string): string {
  const text = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, MAX_SLUG)
    .replace(/-+$/, '');
  return text || 'export';
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "powlab-sim-summary-2026-12-01.csv": the name slugged, and the saver's local date. */
export function exportFileName(name: string, extension: 'png' | 'csv', date: Date = new Date()): string {
  const what = slug(name).replace(/^powlab-/, '');
  return `powlab-${what}-${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}.${extension}`;
}
