// The README's table of powlab commands against each command's --help (the built CLI: run
// `npm run build:cli` first). Both are read the same way: every "--flag" in a usage form is required
// unless it stands inside [brackets]; where a command has several forms (`target --bits B` /
// `--target T`), a flag is required if some form requires it. --json, which every command takes,
// is not in the table.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const bin = new URL('../../bin/powlab.js', import.meta.url).pathname;
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

function powlab(...args: string[]): string {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 60_000 });
  expect(r.status, `powlab ${args.join(' ')}: ${r.stderr}`).toBe(0);
  return r.stdout;
}

type Flags = Record<string, 'required' | 'optional'>;

/** Each flag in the usage forms, required or optional, sorted by name. */
function flagsOf(forms: string[]): Flags {
  const flags: Flags = {};
  for (const form of forms) {
    let depth = 0;
    for (const [token] of form.matchAll(/\[|\]|--[a-z][a-z0-9-]*/g)) {
      if (token === '[') depth++;
      else if (token === ']') depth--;
      else if (flags[token] !== 'required') flags[token] = depth > 0 ? 'optional' : 'required';
    }
    expect(depth, `brackets balance in ${JSON.stringify(form)}`).toBe(0);
  }
  return Object.fromEntries(Object.entries(flags).sort(([a], [b]) => a.localeCompare(b)));
}

/** The README table's first cell for each command: its usage forms, the code spans of the cell. */
function readmeForms(): Map<string, string[]> {
  const section = /^## The `powlab` command line$([\s\S]*?)^## /m.exec(readme)?.[1];
  if (section === undefined) throw new Error('README.md has no "## The `powlab` command line" section');
  const rows = new Map<string, string[]>();
  for (const line of section.split('\n')) {
    if (!line.startsWith('| `')) continue;
    const cell = line.split(/(?<!\\)\|/)[1]!;
    const forms = [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]!.replace(/\\\|/g, '|'));
    rows.set(forms[0]!.split(' ')[0]!, forms);
  }
  return rows;
}

/** The usage forms at the top of `powlab <name> --help`, continuation lines joined to their form. */
function helpForms(help: string): string[] {
  const forms: string[] = [];
  for (const line of help.slice(0, help.indexOf('\n\n')).split('\n')) {
    if (line.startsWith('powlab ')) forms.push(line);
    else forms[forms.length - 1] += ` ${line.trim()}`;
  }
  return forms;
}

/** The flags the help describes, one per line of its list. */
function helpList(help: string): string[] {
  return [...help.matchAll(/^ {2}(--[a-z][a-z0-9-]*)/gm)].map((m) => m[1]!).filter((flag) => flag !== '--json').sort();
}

/** The commands `powlab --help` lists. */
function commands(): string[] {
  const help = powlab('--help');
  return [...help.matchAll(/^ {2}([a-z]+) /gm)].map((m) => m[1]!);
}

describe('reading usage forms', () => {
  it('tells required flags from bracketed ones, across forms and alternatives', () => {
    expect(flagsOf(['mine --header H [--start N] [--bits B | --target T] [--no-simd]'])).toEqual({
      '--bits': 'optional',
      '--header': 'required',
      '--no-simd': 'optional',
      '--start': 'optional',
      '--target': 'optional',
    });
    expect(flagsOf(['target --bits B', '--target T'])).toEqual({ '--bits': 'required', '--target': 'required' });
    expect(flagsOf(['hash [--double] <hex>', '--file PATH'])).toEqual({ '--double': 'optional', '--file': 'required' });
    expect(flagsOf(['header <160 hex>'])).toEqual({});
  });
});

describe('the README table and --help', () => {
  const names = commands();
  const rows = readmeForms();

  it('has a row for every command and none for a command that is not there', () => {
    expect(names.length).toBeGreaterThan(0);
    expect([...rows.keys()].sort()).toEqual([...names].sort());
  });

  it.each(names)('%s: the same flags, marked optional and required alike', (name) => {
    const help = powlab(name, '--help');
    const usage = flagsOf(helpForms(help));
    expect(usage, `README row of ${name} (left: --help)`).toEqual(flagsOf(rows.get(name) ?? []));
    expect(helpList(help), `--help of ${name}: its list and its usage lines`).toEqual(Object.keys(usage));
  });
});
