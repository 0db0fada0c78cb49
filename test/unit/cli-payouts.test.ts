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
const DAY = 86_400;

// The distribution of a count of blocks (or shares) found, computed here from its definition: a
// Poisson process of rate h / (2^32 D) gives a Poisson count with mean lambda = h t / (2^32 D)
// (Rosenfeld 2011, arXiv:1112.4980, section 1.1; ../shared/reference/payouts.md). Earnings are that
// count times a fixed payment, so their quantiles are the count's quantiles times the payment: a
// discrete, skewed distribution, not a normal one.

/** ln k!: the exact sum up to 255, Stirling's series above (its error there is below 1e-16). */
function logFactorial(k: number): number {
  if (k < 256) {
    let sum = 0;
    for (let i = 2; i <= k; i++) sum += Math.log(i);
    return sum;
  }
  return k * Math.log(k) - k + 0.5 * Math.log(2 * Math.PI * k) + 1 / (12 * k) - 1 / (360 * k ** 3) + 1 / (1260 * k ** 5);
}

const poissonPmf = (k: number, lambda: number) => Math.exp(k * Math.log(lambda) - lambda - logFactorial(k));

/**
 * The smallest k with P(X <= k) >= prob for X ~ Poisson(lambda), with P(X <= k - 1) and P(X <= k).
 * The sum starts 40 standard deviations below the mean, where the mass left out is below 1e-300.
 */
function poissonQuantile(lambda: number, prob: number): { k: number; below: number; at: number; pmf: number } {
  let k = Math.max(0, Math.floor(lambda - 40 * Math.sqrt(lambda) - 40));
  let cdf = 0;
  for (;;) {
    const pmf = poissonPmf(k, lambda);
    if (cdf + pmf >= prob) return { k, below: cdf, at: cdf + pmf, pmf };
    cdf += pmf;
    k++;
  }
}

/** The standard error of a fraction estimated from n trials. */
const fractionSE = (p: number, n: number) => Math.sqrt((p * (1 - p)) / n);

/**
 * The standard error of the sample standard deviation of n draws of v X, X ~ Poisson(lambda): the
 * central moments of X are mu2 = lambda and mu4 = lambda + 3 lambda^2, Var(s^2) ~ (mu4 - mu2^2) / n,
 * and s ~ sqrt(s^2) gives SE(s) ~ SE(s^2) / (2 sigma) (the delta method).
 */
const poissonStdevSE = (lambda: number, v: number, n: number) => (v * Math.sqrt((lambda + 2 * lambda ** 2) / n)) / (2 * Math.sqrt(lambda));

/**
 * A simulated quantile of v X (X ~ Poisson(lambda), n trials) where X's distribution puts the
 * quantile firmly on one count k: P(X <= k - 1) and P(X <= k) are each more than 4 standard errors of
 * an estimated fraction from prob, so the two order statistics the quantile interpolates between are
 * both k except with a chance below 1e-4 (one-sided 4 sigma, each side). Then the figure is k v exactly, up to the simulator's own
 * jitter: `relative`, 1e-5 by default, ten times the 1e-6 relative jitter of 1e12 shares in a PPLNS window.
 */
function expectSettledQuantile(got: unknown, lambda: number, prob: number, v: number, n: number, relative = 1e-5): void {
  const q = poissonQuantile(lambda, prob);
  const margin = 4 * fractionSE(prob, n);
  expect(q.at - prob, `P(X <= ${q.k}) clears ${prob} by 4 sigma`).toBeGreaterThan(margin);
  expect(prob - q.below, `P(X <= ${q.k - 1}) stays under ${prob} by 4 sigma`).toBeGreaterThan(margin);
  if (q.k === 0) expect(got).toBe(0);
  else expect(Math.abs((got as number) / (q.k * v) - 1)).toBeLessThan(relative);
}

/**
 * A simulated quantile of v X for a large lambda, where a quantile spans many counts: its standard
 * error is sqrt(p (1 - p) / n) / f(x_p) (the asymptotic variance of a sample quantile; f here is the
 * Poisson probability at the quantile, per count). Allowed: 4 standard errors plus one count.
 */
function expectQuantileNear(got: unknown, lambda: number, prob: number, v: number, n: number): void {
  const q = poissonQuantile(lambda, prob);
  const se = fractionSE(prob, n) / q.pmf;
  expect(Math.abs((got as number) / v - q.k)).toBeLessThan(4 * se + 1);
}

describe('powlab payouts', () => {
  it("gives Rosenfeld's solo example in closed form and a simulation that agrees", () => {
    const v = json('payouts', '--scheme', 'solo', ...EXAMPLE, '--trials', '40000', '--seed', '3');
    expect(Object.keys(v)).toEqual(expect.arrayContaining(['scheme', 'mean', 'stdev', 'pZero', 'median', 'p10', 'p90', 'analytic']));
    expect(v.scheme).toBe('solo');
    expect(v.analytic['mean']).toBeCloseTo(0.595, 3);
    expect(v.analytic['stdev']).toBeCloseTo(5.45, 2);
    expect(1 - v.analytic['pZero']!).toBeCloseTo(0.0118, 4);
    // The simulation against the same figures computed here: lambda blocks in a day, 50 coins each.
    const n = 40_000;
    const lambda = (1e9 * DAY) / (2 ** 32 * 1_690_906);
    expect(lambda).toBeCloseTo(0.0119, 4);
    const sd = 50 * Math.sqrt(lambda);
    // Mean and P(no block) within 4 standard errors of the estimator (sd / sqrt(n), sqrt(p (1 - p) / n)).
    expect(Math.abs((v.mean as number) - 50 * lambda)).toBeLessThan((4 * sd) / Math.sqrt(n));
    expect(Math.abs((v.pZero as number) - Math.exp(-lambda))).toBeLessThan(4 * fractionSE(Math.exp(-lambda), n));
    // The sample standard deviation within 4 of its standard errors (about 0.13 coins here).
    expect(Math.abs((v.stdev as number) - sd)).toBeLessThan(4 * poissonStdevSE(lambda, 50, n));
    // 98.8% of days find no block, so p10, the median and p90 are all 0 blocks.
    for (const [key, prob] of [['p10', 0.1], ['median', 0.5], ['p90', 0.9]] as const) expectSettledQuantile(v[key], lambda, prob, 50, n);
    expect(v.median).toBe(0);
  });

  it('solo over 250 days: the Poisson count of blocks, its p10, median and p90 (1, 3 and 5 blocks)', () => {
    const n = 10_000;
    const v = json('payouts', '--scheme', 'solo', ...EXAMPLE, '--days', '250', '--fee', '0.01', '--trials', String(n), '--seed', '4');
    // lambda = h t / (2^32 D) = 2.974 blocks, each paid (1 - f) B = 49.5 coins.
    const lambda = (1e9 * 250 * DAY) / (2 ** 32 * 1_690_906);
    const perBlock = 0.99 * 50;
    const sd = perBlock * Math.sqrt(lambda);
    expect(v.analytic['mean']).toBeCloseTo(perBlock * lambda, 12);
    expect(v.analytic['stdev']).toBeCloseTo(sd, 12);
    expect(v.analytic['pZero']).toBeCloseTo(Math.exp(-lambda), 15);
    // Mean, P(no block) and standard deviation within 4 standard errors of their estimators.
    expect(Math.abs((v.mean as number) - perBlock * lambda)).toBeLessThan((4 * sd) / Math.sqrt(n));
    expect(Math.abs((v.pZero as number) - Math.exp(-lambda))).toBeLessThan(4 * fractionSE(Math.exp(-lambda), n));
    expect(Math.abs((v.stdev as number) - sd)).toBeLessThan(4 * poissonStdevSE(lambda, perBlock, n));
    // P(X <= k) = 0.051, 0.205 | 0.429, 0.653 | 0.816, 0.919: p10, median and p90 are 1, 3 and 5 blocks.
    expect([0.1, 0.5, 0.9].map((prob) => poissonQuantile(lambda, prob).k)).toEqual([1, 3, 5]);
    for (const [key, prob] of [['p10', 0.1], ['median', 0.5], ['p90', 0.9]] as const) expectSettledQuantile(v[key], lambda, prob, perBlock, n);
  });

  it('pplns over 30 days at difficulty 1e14: mean and q-times-solo stdev, fee on subsidy and fees', () => {
    const v = json('payouts', '--scheme', 'pplns', '--hashrate', '5e15', '--pool-hashrate', '5e17', '--difficulty', '1e14', '--reward', '3.125',
      '--fees', '0.1', '--fee', '0.02', '--days', '30', '--trials', '10000', '--seed', '1');
    const blocks = (5e15 * 30 * 86_400) / (2 ** 32 * 1e14);
    expect(v.analytic['mean']).toBeCloseTo(0.98 * blocks * 3.225, 12);
    expect(v.analytic['stdev']).toBeCloseTo(0.98 * 3.225 * Math.sqrt(0.01 * blocks), 12);
    // PPLNS pays on average what FPPS pays, (1 - f) p (B + F) per share (section 3.3), computed here
    // from the miner's shares h t / 2^32 and p = 1 / D.
    const shares = (5e15 * 30 * DAY) / 2 ** 32;
    expect(v.analytic['mean']).toBeCloseTo((0.98 * shares * 3.225) / 1e14, 12);
    const fpps = json('payouts', '--scheme', 'fpps', '--hashrate', '5e15', '--pool-hashrate', '5e17', '--difficulty', '1e14', '--reward', '3.125',
      '--fees', '0.1', '--fee', '0.02', '--days', '30', '--trials', '100');
    expect(fpps.analytic['mean']).toBeCloseTo(v.analytic['mean']!, 12);

    // The simulation. The window of N = D shares holds q N = 1e12 of the miner's shares at every
    // block (relative jitter 1e-6), so each pool block pays it q (1 - f) (B + F), and its earnings
    // are that times the count of the pool's blocks in 30 days: Poisson with mean lambda = 3.0175.
    const n = 10_000;
    const lambda = (5e17 * 30 * DAY) / (2 ** 32 * 1e14);
    const perBlock = 0.01 * 0.98 * 3.225;
    const sd = perBlock * Math.sqrt(lambda);
    // Mean, P(no payout) = e^-lambda and the standard deviation each within 4 standard errors.
    expect(Math.abs((v.mean as number) - perBlock * lambda)).toBeLessThan((4 * sd) / Math.sqrt(n));
    expect(Math.abs((v.pZero as number) - Math.exp(-lambda))).toBeLessThan(4 * fractionSE(Math.exp(-lambda), n));
    expect(Math.abs((v.stdev as number) - sd)).toBeLessThan(4 * poissonStdevSE(lambda, perBlock, n));
    // p10, median, p90: 1, 3 and 5 of the pool's blocks (P(X <= k) = 0.049, 0.197 | 0.420, 0.645 | 0.814, 0.916).
    expect([0.1, 0.5, 0.9].map((prob) => poissonQuantile(lambda, prob).k)).toEqual([1, 3, 5]);
    for (const [key, prob] of [['p10', 0.1], ['median', 0.5], ['p90', 0.9]] as const) expectSettledQuantile(v[key], lambda, prob, perBlock, n);
  });

  it('pps pays only the subsidy, fpps subsidy and fees; the same seed gives the same answer', () => {
    const n = 20_000;
    const args = [...EXAMPLE, '--pool-hashrate', '1e11', '--fees', '50', '--fee', '0.05', '--trials', String(n)];
    const pps = json('payouts', '--scheme', 'pps', ...args);
    const fpps = json('payouts', '--scheme', 'fpps', ...args);
    // PPS pays the miner's part of the pool's hashrate x the reward x the pool's expected blocks, less
    // the fee: q = 1e9 / 1e11 of H t / (2^32 D) blocks of 50 coins (FPPS: of 50 + 50).
    const poolBlocks = (1e11 * DAY) / (2 ** 32 * 1_690_906);
    expect(pps.analytic['mean']).toBeCloseTo(0.01 * poolBlocks * 50 * 0.95, 12);
    expect(fpps.analytic['mean']).toBeCloseTo(0.01 * poolBlocks * 100 * 0.95, 12);
    // Rosenfeld's reserves for a 0.1% ruin, R = B ln(1 / delta) / (2 f) = 50 ln 1000 / 0.1.
    expect(pps.analytic['reservesForDelta0001']).toBeCloseTo((50 * Math.log(1000)) / 0.1, 6);
    expect(pps.analytic['reservesForDelta0001']).toBeCloseTo(3453.9, 1);

    // The simulation: the miner's shares in the day are Poisson with mean h t / 2^32 = 20,116.6,
    // each paid (1 - f) B / D at once (the simulator draws counts above 1e6 from a normal; not here).
    const shares = (1e9 * DAY) / 2 ** 32;
    for (const [v, reward] of [[pps, 50], [fpps, 100]] as const) {
      const perShare = (0.95 * reward) / 1_690_906;
      const sd = perShare * Math.sqrt(shares);
      expect(v.analytic['stdev']).toBeCloseTo(sd, 12);
      // Mean and standard deviation within 4 standard errors; no trial goes without a share.
      expect(Math.abs((v.mean as number) - perShare * shares)).toBeLessThan((4 * sd) / Math.sqrt(n));
      expect(Math.abs((v.stdev as number) - sd)).toBeLessThan(4 * poissonStdevSE(shares, perShare, n));
      expect(v.pZero).toBe(0);
      // Quantiles within 4 of a sample quantile's standard errors (5.4 shares at p10, 4.0 at the median) plus a share.
      for (const [key, prob] of [['p10', 0.1], ['median', 0.5], ['p90', 0.9]] as const) expectQuantileNear(v[key], shares, prob, perShare, n);
    }
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
    // As under PROP the miner holds q of each round's score (section 3.1; q r D = 1e11 of its shares
    // per decay length, a relative jitter near 3e-6), so it earns q (1 - f) (B + F) a pool block and
    // the pool's blocks in 30 days are Poisson with mean lambda = 3.0175.
    const n = 10_000;
    const lambda = (5e17 * 30 * DAY) / (2 ** 32 * 1e14);
    const perBlock = 0.01 * 0.98 * 3.225;
    const sd = perBlock * Math.sqrt(lambda);
    expect(v.analytic['stdev']).toBeCloseTo(sd, 12);
    // Mean, P(no payout) and standard deviation within 4 standard errors of their estimators.
    expect(Math.abs((v.mean as number) - perBlock * lambda)).toBeLessThan((4 * sd) / Math.sqrt(n));
    expect(Math.abs((v.pZero as number) - Math.exp(-lambda))).toBeLessThan(4 * fractionSE(Math.exp(-lambda), n));
    expect(Math.abs((v.stdev as number) - sd)).toBeLessThan(4 * poissonStdevSE(lambda, perBlock, n));
    // 1, 3 and 5 pool blocks; 1e-4 relative leaves room for a round far shorter than the decay length.
    for (const [key, prob] of [['p10', 0.1], ['median', 0.5], ['p90', 0.9]] as const) expectSettledQuantile(v[key], lambda, prob, perBlock, n, 1e-4);
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
    // Difficulty on day d is D (1 + g)^(d / m), g = 1% a month and m = 365.2425 / 12 days, so day d's
    // revenue is R x^d with x = 1.01^(-1 / m); electricity E stays. Cumulative profit after n days,
    // a geometric series: P(n) = R (1 - x^n) / (1 - x) - E n. The break-even day d + (cost - P(d)) /
    // (P(d + 1) - P(d)) for the first d with P(d + 1) >= cost (within the day, as the flat case is
    // cost / daily profit). Every day to the break-even earns more than its electricity (checked: the
    // rig would switch off only from day 3389).
    const revenue = ((0.98 * 200e12 * DAY * 3.225) / (2 ** 32 * 1e14)) * 60_000;
    const x = 1.01 ** (-12 / 365.2425);
    const profitAfter = (days: number) => (revenue * (1 - x ** days)) / (1 - x) - 2.52 * days;
    let d = 0;
    while (profitAfter(d + 1) < 4000) d++;
    expect(revenue * x ** d).toBeGreaterThan(2.52);
    expect(growing).toBeCloseTo(d + (4000 - profitAfter(d)) / (profitAfter(d + 1) - profitAfter(d)), 6);
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
