// src/cli/spec.ts on its own: one table gives the parseArgs options, the typed values and --help.
import { describe, expect, expectTypeOf, it } from 'vitest';
import { InputError, parseInteger } from '../../src/model/validate.js';
import type { Output } from '../../src/cli/output.js';
import { command, integerIn, numberIn, option, toggle, type Values } from '../../src/cli/spec.js';

const flags = {
  rounds: option({ value: 'N', describe: 'how many rounds', default: '3', parse: integerIn(1, 10) }),
  rate: option({ value: 'R', describe: 'a rate', required: 'is required', parse: numberIn(0, 1) }),
  label: option({ value: 'TEXT', describe: 'a label', defaultText: 'none' }),
  'dry-run': toggle('only say what would happen'),
  left: option({ value: 'L', describe: 'one side', parse: integerIn(0, 9) }),
  right: option({
    value: 'R',
    describe: 'the other side, at least --left',
    parse: (text, name, { earlier }) => {
      const right = parseInteger(text, name, 0, 9);
      if (right < ((earlier.left as number | undefined) ?? 0)) throw new InputError(name, 'is below --left');
      return right;
    },
  }),
};

function make(run: (values: Values<typeof flags>) => number = () => 0) {
  return command({
    name: 'demo',
    summary: 'a demonstration',
    about: 'Does nothing, carefully.',
    positionals: { thing: option({ value: '<thing>', describe: 'what to work on' }) },
    flags,
    choices: [{ of: ['left', 'right'], conflict: ['--left', 'one side only'] }],
    json: '{"ok"}',
    notes: 'The end.',
    run,
  });
}

const out: Output = { json: false, result() {}, progress() {}, endProgress() {} };

function valuesOf(...argv: string[]): Values<typeof flags> {
  let seen: Values<typeof flags> | undefined;
  make((v) => {
    seen = v;
    return 0;
  }).run(argv, out);
  return seen!;
}

function errorOf(...argv: string[]): string {
  try {
    make().run(argv, out);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error(`no error for ${argv.join(' ')}`);
}

describe('values', () => {
  it('are typed, under camelCase names, with defaults read through the parser', () => {
    const v = valuesOf('--rate', '0.5', 'it');
    expectTypeOf(v.rounds).toEqualTypeOf<number>();
    expectTypeOf(v.rate).toEqualTypeOf<number>();
    expectTypeOf(v.label).toEqualTypeOf<string | undefined>();
    expectTypeOf(v.dryRun).toEqualTypeOf<boolean>();
    expectTypeOf(v.right).toEqualTypeOf<number | undefined>();
    expect(v).toEqual({ thing: 'it', rounds: 3, rate: 0.5, label: undefined, dryRun: false, left: undefined, right: undefined });
    expect(valuesOf('--rate', '1', '--rounds', '0x0a', '--dry-run', '--label', 'x')).toMatchObject({ rounds: 10, label: 'x', dryRun: true });
  });

  it('name the flag in every error, and a negative number is read as a value', () => {
    expect(errorOf('--rate', '2')).toBe('--rate: 2 is outside 0..1');
    expect(errorOf('--rate', '-1')).toBe('--rate: -1 is outside 0..1');
    expect(errorOf()).toBe('--rate: is required');
    expect(errorOf('--rate', '1', '--bogus')).toMatch(/^--bogus: unknown option for "powlab demo"/);
    expect(errorOf('--rate')).toBe('--rate: needs a value');
    expect(errorOf('--rate', '1', 'a', 'b')).toBe('demo: unexpected argument "b"');
  });

  it('are checked in table order, whatever the order on the command line', () => {
    expect(errorOf('--rate', '9', '--rounds', '99')).toBe('--rounds: 99 is outside 1..10');
  });

  it('see the ones parsed before them; a choice is checked before its first member', () => {
    expect(valuesOf('--rate', '0', '--right', '4')).toMatchObject({ right: 4 });
    expect(errorOf('--rate', '0', '--left', 'x', '--right', 'y')).toBe('--left: one side only');
  });
});

describe('--help', () => {
  const help = make().help;

  it('has a usage line with required flags bare and the rest in brackets', () => {
    expect(help.split('\n')[0]).toBe('powlab demo [<thing>] [--rounds N] --rate R [--label TEXT] [--dry-run] [--left L | --right R]');
    expect(help).toContain('\n\nDoes nothing, carefully.\n');
    expect(help.endsWith('\nThe end.')).toBe(true);
  });

  it('lists each flag once, with its value, range and default', () => {
    expect(help).toMatch(/^ {2}--rounds N +how many rounds \(1\.\.10, default: 3\)$/m);
    expect(help).toMatch(/^ {2}--rate R +a rate \(0\.\.1\)$/m);
    expect(help).toMatch(/^ {2}--label TEXT +a label \(default: none\)$/m);
    expect(help).toMatch(/^ {2}--json +\{"ok"\}$/m);
    for (const flag of ['--rounds', '--rate', '--label', '--dry-run', '--left', '--right']) {
      expect(help.match(new RegExp(`^ {2}${flag} `, 'gm')), flag).toHaveLength(1);
    }
  });

  it('splits the usage into one line per member of a choice that must be made', () => {
    const pick = command({
      name: 'pick',
      summary: '',
      about: '',
      flags: { a: option({ value: 'A', describe: 'a' }), b: toggle('b') },
      choices: [{ of: ['a', 'b'], conflict: ['--a', 'not both'], missing: ['--a', 'one of them'] }],
      json: '{}',
      run: () => 0,
    });
    expect(pick.help.split('\n\n')[0]).toBe('powlab pick --a A\npowlab pick --b');
    expect(() => pick.run([], out)).toThrow('--a: one of them');
    expect(() => pick.run(['--a', '1', '--b'], out)).toThrow('--a: not both');
  });
});
