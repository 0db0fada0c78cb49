// Taking the results away: every chart saves as a PNG and every table as CSV, through this one
// helper, for miners and teachers who paste them into sheets and slides. The chart kit adds a chart's
// button itself (charts/line.ts, charts/bar.ts); a screen adds its tables' buttons with one call
// (addTableExports), and a table built later gets its own (addTableExport). Each button sits under
// its chart or table, is disabled while there is nothing to save (its title says why), and hides
// when the chart or table is hidden.
//
// The text half (CSV quoting, the formula guard, file names) is in export-text.ts, free of the DOM
// and unit-tested in Node; this half reads a table the way a person sees it and draws the PNG.
import { errorText, h } from './dom.js';
import { downloadBlob } from './download.js';
import { exportFileName, toCsv } from './export-text.js';

// ---- Reading a table as a person sees it ----

/** Elements that flow inside a line of text; any other element is kept apart from its neighbours by a space. */
const INLINE = new Set(['A', 'ABBR', 'B', 'BDI', 'BDO', 'CITE', 'CODE', 'DATA', 'DFN', 'EM', 'I', 'KBD', 'LABEL', 'MARK', 'Q', 'S', 'SAMP', 'SMALL', 'SPAN', 'STRONG', 'SUB', 'SUP', 'TIME', 'U', 'VAR']);
/** Inputs whose value is not a figure a person reads (a box to tick, a control). */
const NOT_VALUES = new Set(['button', 'checkbox', 'file', 'hidden', 'image', 'radio', 'reset', 'submit']);

function isUnseen(el: Element): boolean {
  return el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true' || el.classList.contains('visually-hidden');
}

/**
 * Collects what a person sees of `node`: text, an input's value, a select's chosen option, the
 * summary of a closed disclosure. Left out: hidden and screen-reader-only elements, decorations
 * (aria-hidden) and, outside the header, buttons: a row's Edit or Remove is an action, not a value,
 * while a header's sort button is the column's name.
 */
function collect(node: Node, header: boolean, out: string[]): void {
  for (const child of node.childNodes) {
    if (child.nodeType === Node.TEXT_NODE) {
      out.push(child.textContent ?? '');
      continue;
    }
    if (!(child instanceof Element) || isUnseen(child)) continue;
    if (child instanceof HTMLButtonElement && !header) continue;
    if (child instanceof HTMLInputElement) {
      if (!NOT_VALUES.has(child.type)) out.push(' ', child.value, ' ');
    } else if (child instanceof HTMLTextAreaElement) {
      out.push(' ', child.value, ' ');
    } else if (child instanceof HTMLSelectElement) {
      out.push(' ', child.selectedOptions[0]?.text ?? '', ' ');
    } else if (child instanceof HTMLDetailsElement && !child.open) {
      const summary = child.querySelector(':scope > summary');
      if (summary) collect(summary, header, out);
    } else if (child.tagName === 'BR') {
      out.push(' ');
    } else {
      const apart = !INLINE.has(child.tagName);
      if (apart) out.push(' ');
      collect(child, header, out);
      if (apart) out.push(' ');
    }
  }
}

/** A cell's text: its data-csv when it has one (the value, where the shown text is not), else what is seen, whitespace collapsed. */
export function cellText(cell: HTMLTableCellElement, header = false): string {
  const given = cell.dataset['csv'];
  if (given !== undefined) return given;
  const out: string[] = [];
  collect(cell, header, out);
  return out.join('').replace(/\s+/g, ' ').trim();
}

/**
 * The table as rows of cell texts: header rows, then every body row, then footer rows; hidden rows
 * left out, and so is a column with nothing in it anywhere (a row's buttons under an unseen "Actions").
 */
export function tableRows(table: HTMLTableElement): string[][] {
  const sections = [table.tHead, ...Array.from(table.tBodies), table.tFoot].filter((s): s is HTMLTableSectionElement => s !== null && !s.hidden);
  const rows = sections.flatMap((section) =>
    Array.from(section.rows)
      .filter((row) => !row.hidden)
      .map((row) => Array.from(row.cells, (c) => cellText(c, section === table.tHead))),
  );
  const width = Math.max(0, ...rows.map((r) => r.length));
  const kept = Array.from({ length: width }, (_, i) => i).filter((i) => rows.some((r) => (r[i] ?? '') !== ''));
  return rows.map((r) => kept.filter((i) => i < r.length).map((i) => r[i]!));
}

export function tableCsv(table: HTMLTableElement): string {
  return toCsv(tableRows(table));
}

function hasBodyRows(table: HTMLTableElement): boolean {
  return Array.from(table.tBodies).some((body) => !body.hidden && Array.from(body.rows).some((row) => !row.hidden));
}

// ---- Drawing a chart as a PNG ----

function isTransparent(color: string): boolean {
  return color === '' || color === 'transparent' || /^rgba\(.*,\s*0\)$/.test(color);
}

/** The colour a chart is seen on: the nearest box behind it that has one, else the page's. */
function backgroundBehind(el: Element): string {
  for (let at: Element | null = el; at; at = at.parentElement) {
    const color = getComputedStyle(at).backgroundColor;
    if (!isTransparent(color)) return color;
  }
  return getComputedStyle(document.documentElement).getPropertyValue('--bg').trim() || '#ffffff';
}

/** Device pixels per CSS pixel of a saved chart: sharp on a projector or a 2× slide, whatever this screen is. */
export const PNG_RATIO = 2;
/** The title strip above a saved chart, in CSS pixels (scaled with the image). */
const TITLE_HEIGHT = 36;
const TITLE_FONT = 16;
const TITLE_PAD = 12;

/** Draws `title` in the strip, shrinking the font until the whole title fits (never cut). */
function drawTitle(context: CanvasRenderingContext2D, title: string, width: number, scale: number, color: string, family: string): void {
  let size = TITLE_FONT;
  const room = width - 2 * TITLE_PAD * scale;
  do {
    context.font = `600 ${size * scale}px ${family}`;
    size -= 1;
  } while (context.measureText(title).width > room && size >= 8);
  context.fillStyle = color;
  context.textBaseline = 'middle';
  context.fillText(title, TITLE_PAD * scale, (TITLE_HEIGHT * scale) / 2, room);
}

/**
 * The chart as a PNG for a slide or a sheet: drawn again at PNG_RATIO (by `render`, the chart kit's
 * redraw) unless the canvas already has that many pixels, under a strip with its title (a chart
 * pasted alone has lost the heading that said what it shows), all on the colour it is seen on:
 * Chart.js leaves the canvas transparent, and a transparent PNG pasted on a slide loses its
 * dark-theme text, or its light-theme text on a dark slide.
 */
export function chartPng(canvas: HTMLCanvasElement, title: string, render?: (ratio: number) => HTMLCanvasElement): Promise<Blob> {
  const cssWidth = canvas.clientWidth || canvas.width;
  const image = render && canvas.width / cssWidth < PNG_RATIO ? render(PNG_RATIO) : canvas;
  const scale = image.width / cssWidth;
  const strip = title ? Math.round(TITLE_HEIGHT * scale) : 0;
  const out = document.createElement('canvas');
  out.width = image.width;
  out.height = image.height + strip;
  const context = out.getContext('2d');
  if (!context) return Promise.reject(new Error('this browser cannot draw the chart into an image'));
  context.fillStyle = backgroundBehind(canvas);
  context.fillRect(0, 0, out.width, out.height);
  const style = getComputedStyle(canvas);
  if (title) drawTitle(context, title, out.width, scale, style.color, style.fontFamily);
  context.drawImage(image, 0, strip);
  return new Promise((resolve, reject) => {
    out.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the browser made no image of the chart'))), 'image/png');
  });
}

// ---- The buttons ----

/** A name now, or one read when it is needed (a rig's, which the learner can rename). */
export type Name = string | (() => string);

const read = (name: Name) => (typeof name === 'function' ? name() : name);

export interface ExportOptions {
  /** The file's name part, slugged (default: the data-testid of the table or chart, or of the nearest element above it that has one). */
  name?: Name;
  /** What the button says it saves, for assistive technology (default: the caption, aria-label or nearest heading). */
  label?: Name;
}

export interface ChartExportOptions extends ExportOptions {
  /** Draws the chart again at a given pixel ratio (the chart kit's renderedAt); without it the PNG has the canvas's pixels. */
  render?: (ratio: number) => HTMLCanvasElement;
}

interface SaveControl {
  bar: HTMLElement;
  button: HTMLButtonElement;
  /** Why the last save failed; empty otherwise. */
  status: HTMLElement;
}

function saveControl(kind: 'csv' | 'png', text: string): SaveControl {
  const button = h('button', { class: 'button button-small export-button', text, attrs: { type: 'button', 'data-export': kind } });
  const status = h('span', { class: 'export-status', attrs: { 'aria-live': 'polite' } });
  return { bar: h('div', { class: 'export-bar' }, status, button), button, status };
}

/** Enables the button, or disables it saying why in its title. */
function setReady(button: HTMLButtonElement, ready: boolean, why: string): void {
  button.disabled = !ready;
  if (ready) button.removeAttribute('title');
  else button.title = why;
}

function testIdAbove(el: HTMLElement): string | undefined {
  return el.closest<HTMLElement>('[data-testid]')?.dataset['testid'];
}

function normalized(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/** The heading nearest above `el` among its ancestors' own headings ("Thread scaling", a panel's h2). */
function headingAbove(el: HTMLElement): string {
  for (let at = el.parentElement; at; at = at.parentElement) {
    const heading = at.querySelector(':scope > h1, :scope > h2, :scope > h3, :scope > h4');
    if (heading) return normalized(heading.textContent);
  }
  return '';
}

function tableLabel(table: HTMLTableElement): string {
  return normalized(table.caption?.textContent) || normalized(table.getAttribute('aria-label')) || headingAbove(table) || 'table';
}

/** A chart's title for its PNG: its figure's caption, else the heading above it, else its description. */
function chartTitle(canvas: HTMLCanvasElement): string {
  return normalized(canvas.closest('figure')?.querySelector('figcaption')?.textContent) || headingAbove(canvas) || normalized(canvas.getAttribute('aria-label'));
}

/** The element a save bar follows: the scrolling wrapper of a table, when it has one. */
function tableAnchor(table: HTMLTableElement): HTMLElement {
  const parent = table.parentElement;
  return parent?.classList.contains('table-wrap') ? parent : table;
}

/** Adds a "Save table as CSV" button under `table` (once; a second call does nothing); the table (or its wrapper) needs a parent. */
export function addTableExport(table: HTMLTableElement, options: ExportOptions = {}): void {
  if (table.dataset['export']) return;
  const anchor = tableAnchor(table);
  if (!anchor.parentNode) throw new Error('addTableExport: the table has no parent to put its button in');
  table.dataset['export'] = 'csv';
  const save = saveControl('csv', 'Save table as CSV');
  anchor.after(save.bar);
  const name = () => read(options.name ?? testIdAbove(table) ?? tableLabel(table));
  const label = () => read(options.label ?? tableLabel(table));
  const refresh = () => {
    save.bar.hidden = anchor.hidden || table.hidden;
    setReady(save.button, hasBodyRows(table), 'Nothing to save yet: the table has no rows.');
    save.button.setAttribute('aria-label', `Save table as CSV: ${label()}`);
  };
  const observer = new MutationObserver(refresh);
  observer.observe(table, { childList: true, subtree: true, attributes: true, attributeFilter: ['hidden'] });
  if (anchor !== table) observer.observe(anchor, { attributes: true, attributeFilter: ['hidden'] });
  // A rig's label follows its renaming, which changes nothing in the table.
  save.button.addEventListener('focus', refresh);
  save.button.addEventListener('click', () => {
    // The byte-order mark tells Excel the file is UTF-8 (×, →, — and ≈ are in the figures).
    downloadBlob(exportFileName(name(), 'csv'), new Blob(['\ufeff', tableCsv(table)], { type: 'text/csv;charset=utf-8' }));
  });
  refresh();
}

/** Adds the CSV button of every table under `root` (a screen's static tables, in one call). */
export function addTableExports(root: ParentNode): void {
  for (const table of root.querySelectorAll('table')) addTableExport(table);
}

export interface ChartExport {
  /** Takes the button away with its chart. */
  remove(): void;
}

/**
 * Adds a "Save chart as PNG" button under the box that sizes `canvas` (the chart kit calls this for
 * every chart). It is enabled while the canvas's data-points (the kit's count of drawn points) is
 * above zero.
 */
export function addChartExport(canvas: HTMLCanvasElement, options: ChartExportOptions = {}): ChartExport {
  const box = canvas.parentElement;
  if (!box?.parentNode) throw new Error('addChartExport: the canvas has no box with a parent to put its button in');
  const save = saveControl('png', 'Save chart as PNG');
  box.after(save.bar);
  const label = () => read(options.label ?? (normalized(canvas.getAttribute('aria-label')) || normalized(canvas.closest('figure')?.querySelector('figcaption')?.textContent) || 'chart'));
  const name = () => read(options.name ?? testIdAbove(canvas) ?? label());
  const refresh = () => {
    save.bar.hidden = box.hidden;
    setReady(save.button, Number(canvas.dataset['points']) > 0, 'Nothing to save yet: the chart has no points.');
    save.button.setAttribute('aria-label', `Save chart as PNG: ${label()}`);
  };
  const observer = new MutationObserver(refresh);
  observer.observe(canvas, { attributes: true, attributeFilter: ['data-points'] });
  observer.observe(box, { attributes: true, attributeFilter: ['hidden'] });
  save.button.addEventListener('click', () => {
    save.status.textContent = '';
    chartPng(canvas, chartTitle(canvas), options.render).then(
      (blob) => downloadBlob(exportFileName(name(), 'png'), blob),
      (error: unknown) => {
        save.status.textContent = `Not saved: ${errorText(error)}.`;
      },
    );
  });
  refresh();
  return {
    remove() {
      observer.disconnect();
      save.bar.remove();
    },
  };
}
