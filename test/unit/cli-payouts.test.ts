// powlab payouts and powlab profit, run as a user runs them (node bin/powlab.js over dist/; `npm run
// build:cli` first). Figures are checked against the closed forms, not against earlier output.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const bin = new URL('../../bin/powlab.js', import.meta.url).pathname;

function powlab(...args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function json(...args: string[]): Record<string, unknown> & { analytic: Record<string, number> } {
  const r = powlab(...args, '--json');
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout);
}

const EXAMPLE = ['--hashrate', '1e9', '--difficulty', '1690906', '--reward', '50'];

describe('powlab payouts', () => {
  it("gives Rosenfeld's solo example in closed form and a simulation that agrees", () => {
    const v = json('payouts', '--scheme', 'solo', ...EXAMPLE, '--trials', '40000', '--seed', '3');
    expect(Object.keys(v)).toEqual(expect.arrayContaining(['scheme', 'mean', 'stdev', 'pZero', 'median', 'p10', 'p90', 'analytic']));
    expect(v.scheme).toBe('solo');
    expect(v.analytic['mean']).toBeCloseTo(0.595, 3);
    expect(v.analytic['stdev']).toBeCloseTo(5.45, 2);
    expect(1 - v.analytic['pZero']!).toBeCloseTo(0.0118, 4);
    expect(Math.abs((v.mean as number) - 0.5948)).toBeLessThan((4 * 5.45) / Math.sqrt(40_000));
    expect(v.median).toBe(0);
  });

  it('pplns over 30 days at difficulty 1e14: mean and q-times-solo stdev, fee on subsidy and fees', () => {
    const v = json('payouts', '--scheme', 'pplns', '--hashrate', '5e15', '--pool-hashrate', '5e17', '--difficulty', '1e14', '--reward', '3.125',
      '--fees', '0.1', '--fee', '0.02', '--days', '30', '--trials', '10000', '--seed', '1');
    const blocks = (5e15 * 30 * 86_400) / (2 ** 32 * 1e14);
    expect(v.analytic['mean']).toBeCloseTo(0.98 * blocks * 3.225, 12);
    expect(v.analytic['stdev']).toBeCloseTo(0.98 * 3.225 * Math.sqrt(0.01 * blocks), 12);
    expect(Math.abs((v.mean as number) - v.analytic['mean']!)).toBeLessThan((4 * v.analytic['stdev']!) / 100);
    expect(v.p10 as number).toBeLessThanOrEqual(v.median as number);
    expect(v.median as number).toBeLessThanOrEqual(v.p90 as number);
  });

  it('pps pays only the subsidy, fpps subsidy and fees; the same seed gives the same answer', () => {
    const args = [...EXAMPLE, '--pool-hashrate', '1e11', '--fees', '50', '--fee', '0.05', '--trials', '2000'];
    const pps = json('payouts', '--scheme', 'pps', ...args);
    const fpps = json('payouts', '--scheme', 'fpps', ...args);
    expect(fpps.analytic['mean']! / pps.analytic['mean']!).toBeCloseTo(2, 12);
    expect(pps.analytic['reservesForDelta0001']).toBeCloseTo(3453.9, 1);
    expect(json('payouts', '--scheme', 'pps', ...args)).toEqual(pps);
  });

  it('score: the PROP mean over 30 days at difficulty 1e14, the decay from --score-decay in seconds', () => {
    const args = ['--hashrate', '5e15', '--pool-hashrate', '5e17', '--difficulty', '1e14', '--reward', '3.125', '--fees', '0.1', '--fee', '0.02', '--days', '30', '--trials', '10000', '--seed', '2'];
    const v = json('payouts', '--scheme', 'score', ...args, '--score-decay', '0.1');
    const blocks = (5e15 * 30 * 86_400) / (2 ** 32 * 1e14);
    expect(v.scheme).toBe('score');
    expect(v.analytic['mean']).toBeCloseTo(0.98 * blocks * 3.225, 12);
    expect(v.analytic['scoreDecay']).toBe(0.1);
    expect(v.analytic['decaySeconds']).toBeCloseTo((0.1 * 1e14 * 2 ** 32) / 5e17, 6);
    expect(Math.abs((v.mean as number) - v.analytic['mean']!)).toBeLessThan((4 * v.analytic['stdev']!) / 100);
    expect(json('payouts', '--scheme', 'score', ...args)['analytic']['scoreDecay']).toBe(0.05);
    expect(powlab('payouts', '--help').stdout).toContain('--score-decay');
  });

  it.each([
    ['a negative hashrate', ['--scheme', 'solo', '--hashrate=-5', '--difficulty', '1e6', '--reward', '50'], '--hashrate'],
    ['a fee above 1', ['--scheme', 'pps', ...EXAMPLE, '--fee', '1.5'], '--fee'],
    ['a pool smaller than the miner', ['--scheme', 'prop', ...EXAMPLE, '--pool-hashrate', '1e6'], '--pool-hashrate'],
    ['zero difficulty', ['--scheme', 'pplns', '--hashrate', '1e9', '--difficulty', '0', '--reward', '50'], '--difficulty'],
    ['an unknown scheme', ['--scheme', 'slush', ...EXAMPLE], '--scheme'],
    ['a negative score decay', ['--scheme', 'score', ...EXAMPLE, '--score-decay=-1'], '--score-decay'],
    ['a missing reward', ['--scheme', 'solo', '--hashrate', '1e9', '--difficulty', '1e6'], '--reward'],
    ['an unknown option', ['--scheme', 'solo', ...EXAMPLE, '--bogus', '1'], '--bogus'],
  ])('rejects %s with one line on stderr and exit 2', (_, args, flag) => {
    const r = powlab('payouts', ...args);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(flag);
  });
});

describe('powlab profit', () => {
  const RIG = ['--hashrate', '200e12', '--watts', '3500', '--electricity', '0.03', '--difficulty', '1e14', '--reward', '3.125', '--fees', '0.1', '--price', '60000', '--pool-fee', '0.02'];

  it('first-day figures, hashprice and break-even without growth', () => {
    const v = json('profit', ...RIG, '--hardware-cost', '4000');
    const coins = (0.98 * 200e12 * 86_400 * 3.225) / (2 ** 32 * 1e14);
    expect(v['coinsPerDay']).toBeCloseTo(coins, 15);
    expect(v['revenuePerDay']).toBeCloseTo(coins * 60_000, 9);
    expect(v['electricityPerDay']).toBeCloseTo(2.52, 12);
    expect(v['profitPerDay']).toBeCloseTo(coins * 60_000 - 2.52, 9);
    expect(v['hashprice']).toBeCloseTo((1e12 * 86_400 * 3.225 * 60_000) / (2 ** 32 * 1e14), 9);
    expect(v['breakEvenDays']).toBeCloseTo(4000 / (coins * 60_000 - 2.52), 6);
  });

  it('difficulty growth pushes break-even later; an unprofitable rig never breaks even', () => {
    const flat = json('profit', ...RIG, '--hardware-cost', '4000')['breakEvenDays'] as number;
    const growing = json('profit', ...RIG, '--hardware-cost', '4000', '--difficulty-growth', '0.01')['breakEvenDays'] as number;
    expect(growing).toBeGreaterThan(flat * 1.1);
    expect(json('profit', ...RIG, '--hardware-cost', '4000', '--electricity', '1')['breakEvenDays']).toBeNull();
  });

  it.each([
    [['--hashrate=-1'], '--hashrate'],
    [['--pool-fee', '2'], '--pool-fee'],
    [['--difficulty', '0'], '--difficulty'],
  ])('rejects %j with exit 2', (change, flag) => {
    const name = change[0]!.split('=')[0]!;
    const args = [...RIG];
    const at = args.indexOf(name);
    // The flag and its value give way to the bad form (one "--flag=value" word, or the flag and a value).
    args.splice(at, 2, ...change);
    const r = powlab('profit', ...args);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(flag);
  });
});
