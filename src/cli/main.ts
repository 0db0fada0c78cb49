// powlab: the headless side of PoW Lab. Bad input ends as one line on stderr and exit code 2; a
// failure of the program itself (a core that fails its self-test, a missing build) exits 3.

import { isInputError } from '../model/validate.js';
import { benchCommand, benchHelp } from './commands/bench.js';
import { hashCommand, hashHelp } from './commands/hash.js';
import { headerCommand, headerHelp } from './commands/header.js';
import { mineCommand, mineHelp } from './commands/mine.js';
import { payoutsCommand, payoutsHelp } from './commands/payouts.js';
import { profitCommand, profitHelp } from './commands/profit.js';
import { retargetCommand, retargetHelp } from './commands/retarget.js';
import { simulateCommand, simulateHelp } from './commands/simulate.js';
import { targetCommand, targetHelp } from './commands/target.js';
import { createOutput, type Output } from './output.js';

const commands: Record<string, { run: (argv: string[], out: Output) => number | Promise<number>; help: string; summary: string }> = {
  hash: { run: hashCommand, help: hashHelp, summary: 'SHA-256 / SHA-256d of hex or a file' },
  header: { run: headerCommand, help: headerHelp, summary: 'decode, hash and check an 80-byte block header' },
  mine: { run: mineCommand, help: mineHelp, summary: 'search a nonce range for a proof of work' },
  bench: { run: benchCommand, help: benchHelp, summary: 'measure header hashes per second' },
  target: { run: targetCommand, help: targetHelp, summary: 'nBits <-> target <-> difficulty' },
  retarget: { run: retargetCommand, help: retargetHelp, summary: 'Bitcoin mainnet difficulty retarget (Core rules)' },
  simulate: { run: simulateCommand, help: simulateHelp, summary: 'simulate difficulty adjustment: powlab simulate difficulty' },
  payouts: { run: payoutsCommand, help: payoutsHelp, summary: 'pool payout schemes: Monte Carlo beside the closed forms' },
  profit: { run: profitCommand, help: profitHelp, summary: 'mining profitability, hashprice and break-even' },
};

const usage = `powlab: PoW Lab's command line (SHA-256d proof of work in WebAssembly)

usage: powlab <command> [options]   (powlab <command> --help for details)

${Object.entries(commands).map(([name, c]) => `  ${name.padEnd(8)} ${c.summary}`).join('\n')}

Every command takes --json for one machine-readable JSON object on stdout.`;

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? process.stderr : process.stdout).write(`${usage}\n`);
    return name === undefined ? 2 : 0;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(`powlab: unknown command ${JSON.stringify(name)} (commands: ${Object.keys(commands).join(', ')})\n`);
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
    process.stderr.write(`powlab ${name}: ${error instanceof Error ? error.message : String(error)}\n`);
    if (process.env.POWLAB_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    return 3;
  }
}
