// powlab: the headless side of PoW Lab. Bad input ends as one line on stderr and exit code 2; a
// failure of the program itself (a core that fails its self-test, a missing build) exits 3.
// Each command is one table (spec.ts): adding one is its module and a line in the list below.

import { isInputError, messageOf } from '../model/validate.js';
import { benchCommand } from './commands/bench.js';
import { devicesCommand } from './commands/devices.js';
import { hashCommand } from './commands/hash.js';
import { headerCommand } from './commands/header.js';
import { mineCommand } from './commands/mine.js';
import { payoutsCommand } from './commands/payouts.js';
import { profitCommand } from './commands/profit.js';
import { retargetCommand } from './commands/retarget.js';
import { simulateCommand } from './commands/simulate.js';
import { targetCommand } from './commands/target.js';
import { createOutput } from './output.js';
import type { Command } from './spec.js';

const commands: readonly Command[] = [
  hashCommand,
  headerCommand,
  mineCommand,
  benchCommand,
  targetCommand,
  retargetCommand,
  simulateCommand,
  payoutsCommand,
  profitCommand,
  devicesCommand,
];

const usage = `powlab: PoW Lab's command line (SHA-256d proof of work in WebAssembly)

usage: powlab <command> [options]   (powlab <command> --help for details)

${commands.map((c) => `  ${c.name.padEnd(8)} ${c.summary}`).join('\n')}

Every command takes --json for one machine-readable JSON object on stdout.`;

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? process.stderr : process.stdout).write(`${usage}\n`);
    return name === undefined ? 2 : 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    process.stderr.write(`powlab: unknown command ${JSON.stringify(name)} (commands: ${commands.map((c) => c.name).join(', ')})\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`${command.help}\n`);
    return 0;
  }
  try {
    return await command.run(rest, createOutput(rest.includes('--json')));
  } catch (error) {
    if (isInputError(error)) {
      process.stderr.write(`powlab ${name}: ${error.message}\n`);
      return 2;
    }
    process.stderr.write(`powlab ${name}: ${messageOf(error)}\n`);
    if (process.env.POWLAB_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    return 3;
  }
}
