// Property-based fuzzing of every powlab command (fast-check): generated arguments (numbers, huge and
// tiny values, hex garbage, empty strings, Unicode, repeated and unknown flags) must end in exit 0, 1
// or 2, never 3 (a crash of the program itself), never print a stack trace, and with --json print
// one parsable object on success. Runs the compiled CLI in this process (dist/, built by npm test),
// with a cap on the commands' work appended so a run stays short.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

type Main = (argv: string[]) => Promise<number>;
const { main } = (await import(new URL('../../dist/cli/main.js', import.meta.url).href)) as { main: Main };

const GENESIS =
  '0100000000000000000000000000000000000000000000000000000000000000000000003ba3edfd7a7b12b27ac72c3e67768f617fc81bc3888a51323a9fb8aa4b1e5e4a29ab5f49ffff001d1dac2b7c';

// Per command: the flags it knows, a working invocation (so the fuzz reaches the command's own code
// as well as its argument checks: a generated run keeps any part of it), and a cap on the work.
const COMMANDS: Record<string, { flags: string[]; valid: string[][]; cap: string[] }> = {
  hash: { flags: ['--double', '--file'], valid: [['616263'], ['--double']], cap: [] },
  header: { flags: [], valid: [[GENESIS]], cap: [] },
  mine: { flags: ['--header', '--start', '--count', '--bits', '--target', '--threads', '--no-simd', '--gpu'], valid: [['--header', GENESIS], ['--start', '2083236000'], ['--bits', '0x2000ffff']], cap: ['--count', '2000', '--threads', '1'] },
  bench: { flags: ['--seconds', '--warmup', '--threads', '--no-simd', '--gpu'], valid: [['--no-simd']], cap: ['--seconds', '0.5', '--warmup', '0', '--threads', '1'] },
  target: { flags: ['--bits', '--target'], valid: [['--bits', '0x1d00ffff']], cap: [] },
  retarget: { flags: ['--bits', '--first-time', '--last-time'], valid: [['--bits', '0x1d00ffff'], ['--first-time', '1261130161'], ['--last-time', '1262152739']], cap: [] },
  simulate: { flags: ['--algorithm', '--scenario', '--blocks', '--seed', '--hashrate', '--factor', '--at-days', '--file'], valid: [['--algorithm', 'all'], ['--scenario', 'drop'], ['--seed', '3']], cap: ['--blocks', '200'] },
  payouts: { flags: ['--scheme', '--hashrate', '--pool-hashrate', '--difficulty', '--reward', '--fees', '--fee', '--window', '--days', '--trials', '--seed'], valid: [['--scheme', 'pplns'], ['--hashrate', '1e9'], ['--pool-hashrate', '1e11'], ['--difficulty', '1690906'], ['--reward', '50']], cap: ['--trials', '20', '--days', '1'] },
  profit: { flags: ['--hashrate', '--watts', '--electricity', '--difficulty', '--reward', '--price', '--fees', '--pool-fee', '--hardware-cost', '--difficulty-growth', '--blocks-to-halving'], valid: [['--hashrate', '200e12'], ['--watts', '3500'], ['--electricity', '0.05'], ['--difficulty', '1.1e14'], ['--reward', '3.125'], ['--price', '90000']], cap: [] },
  devices: { flags: ['--kind', '--difficulty', '--reward', '--fees', '--price', '--electricity', '--pool-fee', '--hashrate', '--watts', '--name', '--file', '--sort'], valid: [['--kind', 'gpu'], ['--price', '90000'], ['--hashrate', '3e6'], ['--sort', 'profit']], cap: [] },
};

const value = fc.oneof(
  fc.constantFrom('', '0', '-1', '1', '1e400', '-1e400', '1e-400', 'NaN', 'Infinity', '0x', '0x1d00ffff', '0xff123456', '2.5', GENESIS, GENESIS.slice(2), 'all', 'solo', 'drop', 'asic', '__proto__', 'toString', '/nonexistent/file.json', '💥', 'Ω≈ç√', '--', '-'),
  fc.double({ noNaN: false }).map(String),
  fc.integer().map(String),
  fc.string({ unit: fc.constantFrom(...'0123456789abcdefABCDEF'), maxLength: 170 }),
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
);

function argsFor(command: string) {
  const { flags } = COMMANDS[command]!;
  const flag = fc.oneof(fc.constantFrom(...flags, '--json', '--bogus', '-x'), fc.string({ maxLength: 6 }).map((s) => `--${s}`));
  const pair = fc.oneof(fc.tuple(flag, value).map(([f, v]) => [f, v]), flag.map((f) => [f]), fc.tuple(flag, value).map(([f, v]) => [`${f}=${v}`]), value.map((v) => [v]));
  const kept = fc.subarray(COMMANDS[command]!.valid);
  return fc.tuple(kept, fc.array(pair, { maxLength: 4 }), fc.boolean()).map(([good, extra, first]) => (first ? [...extra, ...good] : [...good, ...extra]).flat());
}

/** Runs main() with stdout and stderr captured. */
async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = process.stdout.write.bind(process.stdout);
  const err = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((chunk: string | Uint8Array) => ((stdout += String(chunk)), true)) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => ((stderr += String(chunk)), true)) as typeof process.stderr.write;
  try {
    const code = await main(argv);
    return { code, stdout, stderr };
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
  }
}

describe('every powlab command under generated arguments', () => {
  for (const command of Object.keys(COMMANDS)) {
    it(`${command}: exit 0, 1 or 2, no stack trace, --json that parses`, { timeout: 120_000 }, async () => {
      const runs = command === 'bench' ? 6 : command === 'mine' || command === 'simulate' ? 25 : 60;
      await fc.assert(
        fc.asyncProperty(argsFor(command), fc.boolean(), async (args, json) => {
          const argv = [command === 'simulate' ? 'simulate' : command, ...(command === 'simulate' ? ['difficulty'] : []), ...args, ...COMMANDS[command]!.cap, ...(json ? ['--json'] : [])];
          const r = await run(argv);
          expect([0, 1, 2], `${argv.join(' ')}\n${r.stderr}`).toContain(r.code);
          expect(r.stderr, argv.join(' ')).not.toMatch(/\n\s+at .+:\d+:\d+/);
          if (r.code === 2) expect(r.stderr.trim().split('\n'), argv.join(' ')).toHaveLength(1);
          if (json && r.code !== 2 && !argv.includes('--help') && !argv.includes('-h')) expect(() => JSON.parse(r.stdout), argv.join(' ')).not.toThrow();
        }),
        { numRuns: runs, seed: 20261201 },
      );
    });
  }
});
