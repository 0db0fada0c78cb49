// The one form field of the app: an input (or select, or textarea) found by its data-testid, the
// inline error beside it (`<testid>-error`, aria-live), and aria-invalid while it holds a bad value.
// Parsers throw InputError (or RangeError) and the field shows the message in words for people; an
// InputError from anywhere (a worker included: engine/errors.ts keeps its field) lands beside the
// field it names through Fields.place().
import { defaultThreads } from '../../engine/mining/browser-pool.js';
import { isInputError } from '../../model/validate.js';
import { find, findOptional } from './dom.js';

type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

/** "hashrate: expected a number, got x" → "Expected a number, got x." */
export function humanize(message: string, field?: string): string {
  let text = field && message.startsWith(`${field}: `) ? message.slice(field.length + 2) : message;
  // Keep where in a pasted series the problem is: "CSV line 2" becomes "Line 2: ...".
  const where = field ? /^CSV (line \d+)/.exec(field)?.[1] : undefined;
  if (where) text = `${where}: ${text}`;
  const sentence = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}

/** What a field says about a value its parser refused; the default words the error's own message. */
export type Describe = (error: Error, text: string) => string;

const describeDefault: Describe = (error) => humanize(error.message, isInputError(error) ? error.field : undefined);

function isValueError(error: unknown): error is Error {
  return isInputError(error) || error instanceof RangeError;
}

export class Field<C extends Control = HTMLInputElement> {
  readonly input: C;
  readonly errorLine: HTMLElement | undefined;

  /** `errorId`: the test id of the error line, when it is not `<id>-error`. */
  constructor(
    root: ParentNode,
    readonly id: string,
    errorId = `${id}-error`,
  ) {
    this.input = find<C>(root, id);
    this.errorLine = findOptional(root, errorId);
  }

  get value(): string {
    return this.input.value;
  }

  set value(text: string) {
    this.input.value = text;
  }

  get invalid(): boolean {
    return this.input.getAttribute('aria-invalid') === 'true';
  }

  clear(): void {
    if (this.errorLine) this.errorLine.textContent = '';
    this.input.removeAttribute('aria-invalid');
  }

  fail(message: string): void {
    if (this.errorLine) this.errorLine.textContent = message;
    this.input.setAttribute('aria-invalid', 'true');
  }

  /**
   * Runs the parser on the trimmed text: its value, with the error line cleared; or undefined, with
   * the message shown (an InputError's or RangeError's; anything else is a bug and is thrown on).
   */
  read<T>(parse: (text: string) => T, describe: Describe = describeDefault): T | undefined {
    const text = this.input.value.trim();
    try {
      const value = parse(text);
      this.clear();
      return value;
    } catch (error) {
      if (!isValueError(error)) throw error;
      this.fail(describe(error, text));
      return undefined;
    }
  }
}

/**
 * The test id of the field an InputError's `field` names, when the two differ (a worker checks a
 * config whose names are "atDays", "duty", …); undefined when it names no field of the form.
 */
export type FieldIdOf = (field: string) => string | undefined;

/** A screen's fields by test id, made on first use, so an error can find its field by name. */
export class Fields {
  private readonly made = new Map<string, Field<Control>>();

  constructor(
    private readonly root: ParentNode,
    private readonly idOf: FieldIdOf = (field) => field,
  ) {}

  get<C extends Control = HTMLInputElement>(id: string): Field<C> {
    let field = this.made.get(id);
    if (!field) {
      field = new Field<Control>(this.root, id);
      this.made.set(id, field);
    }
    return field as Field<C>;
  }

  /** Shows an InputError beside the field it names; false when it names none of these fields. */
  place(error: unknown, describe: Describe = describeDefault): boolean {
    if (!isInputError(error)) return false;
    const id = this.idOf(error.field);
    if (id === undefined || !findOptional(this.root, id)) return false;
    const field = this.get(id);
    field.fail(describe(error, field.value.trim()));
    return true;
  }

  /** True when any of the named fields (default: every field read so far) holds a bad value. */
  anyInvalid(ids: readonly string[] = [...this.made.keys()]): boolean {
    return ids.some((id) => this.get(id).invalid);
  }
}

/**
 * A thread count: 1 up to the logical cores the browser reports, which is also where it starts. The
 * hint (`<testid>-range`, when the template has one) says the range.
 */
export class ThreadsField extends Field {
  readonly max: number;

  constructor(root: ParentNode, id: string) {
    super(root, id);
    this.max = defaultThreads();
    this.input.max = String(this.max);
    this.input.value = String(this.max);
    const range = findOptional(root, `${id}-range`);
    if (range) range.textContent = `(1 to ${this.max}, the logical cores this browser reports)`;
    this.input.addEventListener('input', () => this.threads());
  }

  /** The thread count, or undefined with the problem shown beside the field. */
  threads(): number | undefined {
    const max = this.max;
    const cores = `${max} logical core${max === 1 ? '' : 's'}`;
    return this.read((text) => {
      if (text === '') throw new RangeError(`Enter a number of threads from 1 to ${max}.`);
      const n = Number(text);
      if (!Number.isInteger(n)) throw new RangeError(`Threads must be a whole number, from 1 to ${max}.`);
      if (n < 1) throw new RangeError(`At least 1 thread is needed to hash anything: at least 1 thread and at most ${max}, the ${cores} this device reports.`);
      if (n > max) throw new RangeError(`This device reports ${cores}: choose ${max === 1 ? '1' : `1 to ${max}`}.`);
      return n;
    });
  }
}
