// A command is one declarative table: its positionals and flags, each with the parser that validates
// it. From that one table come the node:util parseArgs options, the typed values its run() receives,
// and its --help text, so no flag is written down twice.

import { InputError, parseInteger, parseNumber } from '../model/validate.js';
import { parseCommandArgs, type FlagSpec } from './args.js';
import type { Output } from './output.js';

/** What a parser may look at besides its own text, for the few rules that involve two arguments. */
export interface ParseContext {
  /** Every positional and flag as the user gave it (undefined when absent), by its key in the table. */
  readonly given: Readonly<Record<string, string | boolean | undefined>>;
  /** The values parsed before this one (positionals first, then flags in table order), by value name. */
  readonly earlier: Readonly<Record<string, unknown>>;
}

/** Turns an argument's text into its value, or throws an InputError naming `name` ("--seconds"). */
export type Parser<T> = ((text: string, name: string, context: ParseContext) => T) & { readonly range?: string };

/** One positional or flag: how it is read, and how --help shows it. Made by option() or toggle(). */
export interface Arg<T> {
  readonly type: 'string' | 'boolean';
  /** What the help calls the value ("N", "PATH", "<hex>"); undefined for a toggle. */
  readonly value: string | undefined;
  readonly describe: string;
  readonly required: boolean;
  /** The help's "(default: ...)"; undefined when there is none. */
  readonly defaultText: string | undefined;
  /** What errors call it, when not "--key" (a flag) or "key" (a positional). */
  readonly name: string | undefined;
  readonly range: string | undefined;
  read(given: string | boolean | undefined, name: string, context: ParseContext): T;
}

export interface OptionSpec<T> {
  /** What the help calls the value: "N", "PATH", "<hex>". */
  value: string;
  /** One line for the help (long lines are wrapped). */
  describe: string;
  /** Validates the text and makes the value; without it the value is the text itself. */
  parse?: Parser<T>;
  /** Read as if the user had given it when the argument is absent; the help shows it as the default. */
  default?: string;
  /**
   * What the help says the default is, when the text of `default` does not say it well. Without
   * `default` the value stays undefined and the default is applied further in (run() or the model).
   */
  defaultText?: string;
  /** Makes the argument required; the message when it is missing, after its name. */
  required?: string;
  /** What errors call it, when not "--key" (a flag) or "key" (a positional). */
  name?: string;
}

/** A positional or a flag that takes a value. */
// NoInfer: T comes from `parse` (else it is the text), never from where the result is put.
export function option<T = string>(spec: OptionSpec<T> & { required: string }): Arg<NoInfer<T>>;
export function option<T = string>(spec: OptionSpec<T> & { default: string }): Arg<NoInfer<T>>;
export function option<T = string>(spec: OptionSpec<T>): Arg<NoInfer<T> | undefined>;
export function option<T>(spec: OptionSpec<T>): Arg<T | undefined> {
  const parse: Parser<T> = spec.parse ?? ((text: string) => text as T);
  return {
    type: 'string',
    value: spec.value,
    describe: spec.describe,
    required: spec.required !== undefined,
    defaultText: spec.defaultText ?? spec.default,
    name: spec.name,
    range: parse.range,
    read(given, name, context) {
      const text = typeof given === 'string' ? given : spec.default;
      if (text !== undefined) return parse(text, name, context);
      if (spec.required !== undefined) throw new InputError(name, spec.required);
      return undefined;
    },
  };
}

/** A flag without a value: true when given. */
export function toggle(describe: string): Arg<boolean> {
  return {
    type: 'boolean',
    value: undefined,
    describe,
    required: false,
    defaultText: undefined,
    name: undefined,
    range: undefined,
    read: (given) => given === true,
  };
}

/** A finite number in [min, max]; the help shows the range when both ends are finite. */
export function numberIn(min: number, max: number): Parser<number> {
  return Object.assign((text: string, name: string) => parseNumber(text, name, min, max), { range: rangeText(min, max) });
}

/** An integer (decimal or 0x-hex) in [min, max]; the help shows the range. */
export function integerIn(min: number, max: number): Parser<number> {
  return Object.assign((text: string, name: string) => parseInteger(text, name, min, max), { range: rangeText(min, max) });
}

/** "0..600"; nothing for a range as wide as the numbers themselves. */
function rangeText(min: number, max: number): string | undefined {
  const wide = (n: number) => !Number.isFinite(n) || Math.abs(n) >= Number.MAX_SAFE_INTEGER;
  return wide(min) || wide(max) ? undefined : `${min}..${max}`;
}

type Args = Record<string, Arg<unknown>>;
type CamelCase<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Head}${Capitalize<CamelCase<Tail>>}` : S;

/** What run() receives: each argument's value under its key in camelCase ("no-simd" -> noSimd). */
export type Values<A extends Args> = { [K in keyof A & string as CamelCase<K>]: A[K] extends Arg<infer T> ? T : never };

/** Arguments of which at most one may be given, or with `missing`, exactly one. */
export interface Choice<K extends string> {
  readonly of: readonly K[];
  /** The error when more than one is given: the argument it names, and the message. */
  readonly conflict: readonly [string, string];
  /** The error when none is given; without it, none is fine. */
  readonly missing?: readonly [string, string];
}

export interface CommandTable<P extends Args, F extends Args> {
  name: string;
  /** One line for `powlab --help`. */
  summary: string;
  /** The help's paragraph under the usage lines. */
  about: string;
  /** In order; the help shows them before the flags. */
  positionals?: P;
  /** In the order they are validated, which is also the order the help lists them. */
  flags: F;
  choices?: readonly Choice<NoInfer<keyof P & string | keyof F & string>>[];
  /** The help's line for --json: what the object holds. */
  json: string;
  /** Lines after the flag list. */
  notes?: string;
  run(values: Values<P & F>, out: Output): number | Promise<number>;
}

/** What main.ts sees of a command. */
export interface Command {
  readonly name: string;
  readonly summary: string;
  readonly help: string;
  run(argv: string[], out: Output): number | Promise<number>;
}

const WIDTH = 100;
const LABEL_WIDTH = 28;

/** One positional or flag of a table, in the order it is parsed and shown. */
interface Entry {
  readonly key: string;
  readonly arg: Arg<unknown>;
  /** What errors call it: "--seconds", "hex". */
  readonly name: string;
  /** As the usage line shows it: "--seconds S", "--no-simd", "<hex>". */
  readonly token: string;
}

export function command<P extends Args = Record<never, never>, F extends Args = Record<never, never>>(table: CommandTable<P, F>): Command {
  const positionals: Entry[] = Object.entries(table.positionals ?? {}).map(([key, arg]) => ({ key, arg, name: arg.name ?? key, token: arg.value ?? key }));
  const flags: Entry[] = Object.entries(table.flags).map(([key, arg]) => ({
    key,
    arg,
    name: arg.name ?? `--${key}`,
    token: arg.value === undefined ? `--${key}` : `--${key} ${arg.value}`,
  }));
  const entries = [...positionals, ...flags];
  // Mistakes in a table are the programmer's: fail when the module loads, not when a user hits them.
  const names = entries.map((e) => camelCase(e.key));
  if (new Set(names).size !== names.length) throw new Error(`powlab ${table.name}: two arguments share a value name (${names.join(', ')})`);
  for (const choice of table.choices ?? []) {
    const unknown = choice.of.find((key) => !entries.some((e) => e.key === key));
    if (unknown !== undefined) throw new Error(`powlab ${table.name}: choice names ${JSON.stringify(unknown)}, which the table lacks`);
  }
  const spec: FlagSpec = Object.fromEntries(flags.map(({ key, arg }) => [key, { type: arg.type }]));
  return {
    name: table.name,
    summary: table.summary,
    help: helpText(table, entries),
    run(argv, out) {
      const parsed = parseCommandArgs(table.name, argv, spec, positionals.length);
      const given: Record<string, string | boolean | undefined> = {};
      positionals.forEach(({ key }, i) => (given[key] = parsed.positionals[i]));
      for (const { key } of flags) given[key] = parsed.flags[key];
      const values: Record<string, unknown> = {};
      const context: ParseContext = { given, earlier: values };
      for (const { key, arg, name } of entries) {
        for (const choice of table.choices ?? []) {
          if (choice.of[0] === key) check(choice, given);
        }
        values[camelCase(key)] = arg.read(given[key], name, context);
      }
      return table.run(values as Values<P & F>, out);
    },
  };
}

function check(choice: Choice<string>, given: ParseContext['given']): void {
  const count = choice.of.filter((key) => given[key] !== undefined).length;
  if (count > 1) throw new InputError(...choice.conflict);
  if (count === 0 && choice.missing) throw new InputError(...choice.missing);
}

function camelCase(key: string): string {
  return key.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

function helpText(table: CommandTable<Args, Args>, entries: Entry[]): string {
  // The usage: each argument in order, bracketed unless required; a choice stands where its first
  // member is, as "[a | b]", or, when one must be made, as one usage line per member.
  let forms: string[][] = [[]];
  for (const { key, arg, token } of entries) {
    const choice = table.choices?.find((c) => c.of.includes(key));
    if (!choice) {
      forms = forms.map((form) => [...form, arg.required ? token : `[${token}]`]);
    } else if (choice.of[0] === key) {
      const members = choice.of.map((k) => entries.find((e) => e.key === k)!.token);
      forms = choice.missing
        ? forms.flatMap((form) => members.map((member) => [...form, member]))
        : forms.map((form) => [...form, `[${members.join(' | ')}]`]);
    }
  }
  const lead = `powlab ${table.name}`;
  const usage = forms.map((form) => wrap([lead, ...form], ' '.repeat(lead.length + 1)));

  // The list: each argument with its description, range and default; descriptions line up after
  // the labels, and a label too long for that column has a line to itself.
  const rows = entries.map(({ arg, token }) => {
    const notes = [arg.range, arg.defaultText === undefined ? undefined : `default: ${arg.defaultText}`].filter((n) => n !== undefined);
    return [token, notes.length > 0 ? `${arg.describe} (${notes.join(', ')})` : arg.describe] as const;
  });
  rows.push(['--json', table.json]);
  const column = Math.max(...rows.map(([label]) => label.length).filter((n) => n <= LABEL_WIDTH)) + 2;
  const indent = ' '.repeat(column + 2);
  const list = rows.map(([label, text]) => {
    const [first, ...rest] = text.split(/\s+/);
    return label.length <= LABEL_WIDTH
      ? wrap([`  ${label.padEnd(column)}${first}`, ...rest], indent)
      : `  ${label}\n${wrap([indent + first, ...rest], indent)}`;
  });
  return [...usage, '', table.about, ...list, ...(table.notes === undefined ? [] : [table.notes])].join('\n');
}

/** Joins words with spaces into lines of at most WIDTH characters; lines after the first start with `indent`. */
function wrap(words: string[], indent: string): string {
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line === '') {
      line = word;
    } else if (line.length + 1 + word.length > WIDTH) {
      lines.push(line);
      line = indent + word;
    } else {
      line = `${line} ${word}`;
    }
  }
  lines.push(line);
  return lines.join('\n');
}
