// Command-line parsing on node:util's parseArgs, with its errors turned into InputErrors that name the
// argument, so every mistake ends as one line on stderr and exit code 2.

import { parseArgs } from 'node:util';
import { InputError } from '../sim/validate.js';

export type FlagSpec = Record<string, { type: 'string' | 'boolean'; short?: string }>;

export interface Parsed {
  flags: Record<string, string | boolean | undefined>;
  positionals: string[];
}

export function parseCommandArgs(command: string, argv: string[], spec: FlagSpec, maxPositionals: number): Parsed {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: { ...spec, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: true,
      allowNegative: false,
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
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

export function stringFlag(parsed: Parsed, name: string): string | undefined {
  const v = parsed.flags[name];
  return typeof v === 'string' ? v : undefined;
}
