// Command-line parsing on node:util's parseArgs, with its errors turned into InputErrors that name the
// argument, so every mistake ends as one line on stderr and exit code 2.

import { parseArgs } from 'node:util';
import { InputError, messageOf } from '../model/validate.js';

export type FlagSpec = Record<string, { type: 'string' | 'boolean'; short?: string }>;

export interface Parsed {
  flags: Record<string, string | boolean | undefined>;
  positionals: string[];
}

export function parseCommandArgs(command: string, argv: string[], spec: FlagSpec, maxPositionals: number): Parsed {
  let parsed;
  try {
    parsed = parseArgs({
      args: joinNegativeValues(argv, spec),
      options: { ...spec, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: true,
      allowNegative: false,
    });
  } catch (error) {
    const message = messageOf(error);
    const flag = /'(-{1,2}[^'\s]+)/.exec(message)?.[1] ?? command;
    if ((error as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      throw new InputError(flag, `unknown option for "powlab ${command}" (see powlab ${command} --help)`);
    }
    if ((error as { code?: string }).code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      throw new InputError(flag, 'needs a value');
    }
    throw new InputError(flag, message.split('\n')[0]!);
  }
  if (!parsed.values.help && parsed.positionals.length > maxPositionals) {
    throw new InputError(command, `unexpected argument ${JSON.stringify(parsed.positionals[maxPositionals])}`);
  }
  return { flags: parsed.values as Parsed['flags'], positionals: parsed.positionals };
}

/**
 * parseArgs reads "--hashrate -5" as a flag without a value followed by an unknown "-5". Join such a
 * negative number to its option ("--hashrate=-5") so the user hears what is wrong with the value.
 */
function joinNegativeValues(argv: string[], spec: FlagSpec): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const next = argv[i + 1];
    const name = arg.startsWith('--') && !arg.includes('=') ? arg.slice(2) : undefined;
    if (name && spec[name]?.type === 'string' && next !== undefined && /^-(\d|\.\d|Infinity)/.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else {
      out.push(arg);
    }
  }
  return out;
}
