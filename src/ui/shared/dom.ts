// Building and finding elements. Every piece of text goes in with textContent; no HTML strings are
// built from data (the templates are static markup).

type Attrs = Record<string, string>;

/** An element with a class, text and attributes (data-*, aria-*, …), and children appended. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  options: { class?: string; text?: string; attrs?: Attrs } = {},
  ...children: Array<Node | string>
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (options.class) el.className = options.class;
  if (options.text !== undefined) el.textContent = options.text;
  for (const [name, value] of Object.entries(options.attrs ?? {})) el.setAttribute(name, value);
  el.append(...children);
  return el;
}

/** The element with `data-testid="testId"` under root; a missing one is a bug in the template. */
export function find<T extends HTMLElement = HTMLElement>(root: ParentNode, testId: string): T {
  const el = root.querySelector<T>(`[data-testid="${testId}"]`);
  if (!el) throw new Error(`missing element [data-testid="${testId}"]`);
  return el;
}

/** Like find, or undefined when the template has no such element. */
export function findOptional<T extends HTMLElement = HTMLElement>(root: ParentNode, testId: string): T | undefined {
  return root.querySelector<T>(`[data-testid="${testId}"]`) ?? undefined;
}

/** Appends a cell with `text` to the row: a row header (th scope=row) when `header`. */
export function cell(row: HTMLTableRowElement, text: string, header = false): HTMLTableCellElement {
  const c = document.createElement(header ? 'th' : 'td');
  if (header) c.setAttribute('scope', 'row');
  c.textContent = text;
  row.append(c);
  return c;
}

/** The message of anything thrown, for a person. */
export { messageOf as errorText } from '../../model/validate.js';
