// The text half of the save buttons (src/ui/shared/export-text.ts): CSV fields quoted as RFC 4180 says,
// CRLF after every row, the guard against spreadsheet formulas (OWASP "CSV Injection") that leaves
// the app's numbers numbers, and file names made only of slugged names and the date. The CSV is read
// back by a parser written here from the RFC's grammar, not by the code under test.
import { describe, expect, it } from 'vitest';
import { csvField, exportFileName, guardFormula, slug, toCsv } from '../../src/ui/shared/export-text.js';
import { formatCoins, formatCount, formatFixed, formatMoney, formatPercent } from '../../src/ui/shared/format.js';

/** RFC 4180 section 2: records end in CRLF; a quoted field may hold commas, CR, LF and doubled quotes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (c === '"') {
        quoted = false;
        i++;
      } else {
        field += c;
        i++;
      }
    } else if (c === '"' && field === '') {
      quoted = true;
      i++;
    } else if (c === ',') {
      row.push(field);
      field = '';
      i++;
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 2;
    } else {
      expect(c, `a bare ${JSON.stringify(c)} outside quotes at ${i}`).not.toMatch(/["\r\n]/);
      field += c;
      i++;
    }
  }
  expect(quoted, 'an unclosed quote').toBe(false);
  expect(field === '' && row.length === 0, 'the last record ends in CRLF').toBe(true);
  return rows;
}

describe('CSV fields', () => {
  it.each([
    ['plain', 'plain'],
    ['', ''],
    ['4.96 MH/s', '4.96 MH/s'],
    ['1,234', '"1,234"'],
    ['say "hi"', '"say ""hi"""'],
    ['"', '""""'],
    ['two\nlines', '"two\nlines"'],
    ['carriage\rreturn', '"carriage\rreturn"'],
    ['crlf\r\nend', '"crlf\r\nend"'],
    ['a, "b"\n', '"a, ""b""\n"'],
  ])('%j is written %j', (text, field) => {
    expect(csvField(text)).toBe(field);
  });

  it('a field needing no quotes is never quoted (spaces and the app’s symbols stay as they are)', () => {
    for (const text of [' leading', 'trailing ', '1.00×', '2⁸ = 256', '— (no full period)', '1.2 million → 3.4 million']) expect(csvField(text)).toBe(text);
  });
});

describe('CSV text', () => {
  it('ends every row, the last included, with CRLF and nothing else', () => {
    expect(toCsv([['a', 'b'], ['c', 'd']])).toBe('a,b\r\nc,d\r\n');
    expect(toCsv([['only']])).toBe('only\r\n');
    expect(toCsv([[''], ['', '']])).toBe('\r\n,\r\n');
    expect(toCsv([])).toBe('');
  });

  it('reads back as the same rows, whatever the cells hold', () => {
    const rows = [
      ['Scheme', 'Mean', 'Note, with a comma'],
      ['PPLNS', '0.5948 (0.5948)', 'said "fair"'],
      ['two\r\nlines', '', '"'],
      ['', ',', '\n'],
    ];
    expect(parseCsv(toCsv(rows))).toEqual(rows);
  });

  it('reads back a guarded cell with its leading quote, and nothing else changed', () => {
    expect(parseCsv(toCsv([['=1+1', '-1.5', 'x']]))).toEqual([["'=1+1", '-1.5', 'x']]);
  });
});

describe('the formula guard', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+cmd|" /C calc"!A0', `'+cmd|" /C calc"!A0`],
    ['-2+3+cmd', "'-2+3+cmd"],
    ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
    ['\tcmd', "'\tcmd"],
    ['\rcmd', "'\rcmd"],
    [' =1+1', "' =1+1"],
    ['＝1+1', "'＝1+1"],
    ['-', "'-"],
    ['-e5', "'-e5"],
    ['--1', "'--1"],
    ['-1,23', "'-1,23"],
    ['-1.5 W', "'-1.5 W"],
    ['-2.3 kH/s', "'-2.3 kH/s"],
    ['=HYPERLINK("http://x")', `'=HYPERLINK("http://x")`],
  ])('%j becomes text: %j', (text, guarded) => {
    expect(guardFormula(text)).toBe(guarded);
  });

  it.each(['-1.5', '-0.25', '+2', '-3,083', '-1,234,567.5', '12.5%', '-12.3%', '-1.234e-7', '1e+21', '-.5', '0', '1,234'])('the number %j stays a number', (text) => {
    expect(guardFormula(text)).toBe(text);
  });

  it('leaves text that starts with anything else alone', () => {
    for (const text of ['SHA-256d', 'a=b', 'x@y', '—', '−1.5', '1 in 1.23 million', '(0.5948)']) expect(guardFormula(text)).toBe(text);
  });

  it('keeps the app’s own negative figures numbers', () => {
    for (const text of [formatMoney(-3083), formatMoney(-4.2), formatFixed(-0.25, 2), formatPercent(-0.123), formatCoins(-1.234e-7), formatCount(-1234.5)]) {
      expect(guardFormula(text), text).toBe(text);
    }
  });

  it('guards before quoting, so the quote is inside the field', () => {
    expect(csvField('=A1,B1')).toBe(`"'=A1,B1"`);
    expect(csvField('-1,234')).toBe('"-1,234"');
  });
});

describe('file names', () => {
  it.each([
    ['sim-summary', 'sim-summary'],
    ['Summary per algorithm', 'summary-per-algorithm'],
    ['Rig: Ünïcode — ASIC ×3', 'rig-unicode-asic-3'],
    ['../../etc/passwd', 'etc-passwd'],
    ['C:\\Windows\\con.csv', 'c-windows-con-csv'],
    ['<script>alert(1)</script>', 'script-alert-1-script'],
    ['   ', 'export'],
    ['!!!', 'export'],
    ['日本語', 'export'],
  ])('%j is slugged to %j', (name, slugged) => {
    expect(slug(name)).toBe(slugged);
  });

  it('keeps a long name short, never ending in a dash', () => {
    const long = slug('Hashrate of each measurement window over time: the total and each worker');
    expect(long.length).toBeLessThanOrEqual(48);
    expect(long).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(slug(`${'a'.repeat(47)} b`)).toBe('a'.repeat(47));
  });

  it('names a file powlab-<what>-<local date>.<extension>', () => {
    const day = new Date(2026, 0, 5, 23, 59);
    expect(exportFileName('sim-summary', 'csv', day)).toBe('powlab-sim-summary-2026-01-05.csv');
    expect(exportFileName('pl-chart-pps', 'png', day)).toBe('powlab-pl-chart-pps-2026-01-05.png');
    expect(exportFileName('Rig 1 / a day', 'csv', new Date(2026, 11, 31))).toBe('powlab-rig-1-a-day-2026-12-31.csv');
    expect(exportFileName('powlab devices', 'csv', day)).toBe('powlab-devices-2026-01-05.csv');
    expect(exportFileName('', 'png', day)).toBe('powlab-export-2026-01-05.png');
  });

  it('dates a file by the saver’s own calendar, not UTC’s', () => {
    const zone = process.env['TZ'];
    process.env['TZ'] = 'Pacific/Kiritimati'; // UTC+14: 08:00 on the 5th is still the 4th in UTC
    try {
      const morning = new Date(2026, 0, 5, 8, 0);
      expect(morning.getUTCDate()).toBe(4);
      expect(exportFileName('x', 'csv', morning)).toBe('powlab-x-2026-01-05.csv');
      const newYear = new Date(2027, 0, 1, 1, 0);
      expect(exportFileName('x', 'csv', newYear)).toBe('powlab-x-2027-01-01.csv');
    } finally {
      if (zone === undefined) delete process.env['TZ'];
      else process.env['TZ'] = zone;
    }
  });

  it('uses today when no date is given', () => {
    const now = new Date();
    const today = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
    expect(exportFileName('x', 'csv')).toBe(`powlab-x-${today}.csv`);
  });
});
