// Profitability: first-day figures, break-even and ROI with growth and halvings, break-even odds under
// luck, staking and cloud comparisons, and the satoshi ledger.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEVICES, efficiencyJPerTH } from '../../src/model/devices.js';
import {
  blocksToNextHalving, breakEvenDays, breakEvenProbability, compareWithStaking, estimateHeight, evaluateCloudContract, firstDay, formatSats,
  ledger, ledgerCsv, normalizeProfitInput, profitReport, roiAfter, subsidySatsAtHeight, TYPICAL_STAKING_YIELDS, type ProfitInput,
} from '../../src/sim/profitability.js';
import { isInputError } from '../../src/model/validate.js';

// An S21-like rig: 200 TH/s, 3500 W, at difficulty 1e14 and 3.125 + 0.1 BTC a block.
const RIG: ProfitInput = normalizeProfitInput({
  hashrate: 200e12, watts: 3500, electricity: 0.03, difficulty: 1e14, subsidy: 3.125, fees: 0.1, price: 60_000, poolFee: 0.02, hardwareCost: 4000,
});

describe('first-day figures', () => {
  it("reproduce Rosenfeld's example: 1 GH/s at difficulty 1,690,906 earns 0.595 BTC a day", () => {
    const d = firstDay(normalizeProfitInput({ hashrate: 1e9, watts: 0, electricity: 0, difficulty: 1_690_906, subsidy: 50, price: 1 }));
    expect(d.coinsPerDay).toBeCloseTo(0.595, 3);
    expect(d.blocksPerDay).toBeCloseTo(0.0119, 4);
  });

  it('coins, revenue, electricity, profit and hashprice for a rig, the pool fee on subsidy and fees alike', () => {
    const d = firstDay(RIG);
    const blocks = (200e12 * 86_400) / (2 ** 32 * 1e14);
    expect(d.coinsPerDay).toBeCloseTo(0.98 * blocks * 3.225, 12);
    expect(d.revenuePerDay).toBeCloseTo(d.coinsPerDay * 60_000, 9);
    expect(d.electricityPerDay).toBeCloseTo(3.5 * 24 * 0.03, 12); // 2.52 a day
    expect(d.profitPerDay).toBeCloseTo(d.revenuePerDay - 2.52, 9);
    // Hashprice: 1 TH/s a day before the pool fee: 6.49e-7 BTC at these figures.
    expect(d.hashpriceCoins).toBeCloseTo((1e12 * 86_400 * 3.225) / (2 ** 32 * 1e14), 15);
    expect(d.hashprice * 200).toBeCloseTo(d.revenuePerDay / 0.98, 9);
    expect(d.efficiency).toBeCloseTo(17.5, 9);
  });
});

describe('break-even and ROI', () => {
  it('without growth or halvings, break-even is cost / daily profit exactly', () => {
    const perDay = firstDay(RIG).profitPerDay;
    expect(breakEvenDays(RIG)).toBeCloseTo(4000 / perDay, 9);
    expect(roiAfter(RIG, 365)).toBeCloseTo((365 * perDay - 4000) / 4000, 9);
  });

  it('difficulty growth and a halving push break-even later, and can make it never', () => {
    const flat = breakEvenDays(RIG)!;
    const growing = breakEvenDays({ ...RIG, difficultyGrowth: 0.01 })!;
    const halving = breakEvenDays({ ...RIG, blocksToHalving: 144 * 400 })!;
    expect(growing).toBeGreaterThan(flat);
    expect(halving).toBeGreaterThan(flat);
    expect(breakEvenDays({ ...RIG, difficultyGrowth: 0.5 })).toBeNull();
    expect(breakEvenDays({ ...RIG, hardwareCost: 0 })).toBe(0);
    expect(breakEvenDays({ ...RIG, electricity: 10 })).toBeNull();
  });

  it('cumulative profit never falls: an unprofitable rig is switched off', () => {
    const r = profitReport({ ...RIG, difficultyGrowth: 0.1 });
    expect(r.roi.threeYears).toBeGreaterThanOrEqual(r.roi.twoYears!);
    expect(r.roi.twoYears).toBeGreaterThanOrEqual(r.roi.oneYear!);
    expect(r.roi.threeYears).toBe(r.roi.twoYears); // switched off before the end of year two
  });

  it('the halving schedule in satoshis', () => {
    expect(subsidySatsAtHeight(0)).toBe(5_000_000_000);
    expect(subsidySatsAtHeight(839_999)).toBe(625_000_000);
    expect(subsidySatsAtHeight(840_000)).toBe(312_500_000);
    expect(subsidySatsAtHeight(1_050_000)).toBe(156_250_000);
    expect(subsidySatsAtHeight(210_000 * 33)).toBe(0);
    expect(estimateHeight('2024-04-20')).toBe(840_000);
    expect(blocksToNextHalving(840_000)).toBe(210_000);
    expect(blocksToNextHalving(1_049_999)).toBe(1);
  });
});

describe('break-even under luck', () => {
  it('solo with one expected block: the chance is that of a Poisson count', () => {
    // A rig that earns one block (worth more than its cost) in 100 days on average, no power cost.
    const difficulty = (200e12 * 86_400 * 100) / 2 ** 32;
    const input = normalizeProfitInput({ hashrate: 200e12, watts: 0, electricity: 0, difficulty, subsidy: 3.125, price: 60_000, hardwareCost: 100_000 });
    const r = breakEvenProbability(input, { scheme: 'solo', days: 100, trials: 40_000, seed: 2 });
    // One block (187,500) covers the cost: P(N >= 1) = 1 - e^-1.
    expect(Math.abs(r.probability - (1 - Math.exp(-1)))).toBeLessThan(4 * Math.sqrt(0.25 / 40_000));
    expect(r.expected).toBe(true);
    const pps = breakEvenProbability(input, { scheme: 'fpps', days: 100, trials: 2000, seed: 2 });
    expect(pps.probability).toBe(1); // 1e14-odd shares: no luck left
    // In a pool 10x the miner: 10 pool blocks expected, each paying a tenth; 6 or more cover the cost.
    const pooled = breakEvenProbability(input, { scheme: 'pplns', poolHashrate: 200e12 * 10, days: 100, trials: 40_000, seed: 2 });
    const fewerThanSix = [0, 1, 2, 3, 4, 5].reduce((sum, k) => sum + (Math.exp(-10) * 10 ** k) / [1, 1, 2, 6, 24, 120][k]!, 0);
    expect(Math.abs(pooled.probability - (1 - fewerThanSix))).toBeLessThan(4 * Math.sqrt(0.07 / 40_000));
  });
});

describe('staking, holding and cloud contracts', () => {
  it('staking compounds the hardware money at the yield; the yields shown are the published ranges', () => {
    const c = compareWithStaking(RIG, 365, 0.05);
    expect(c.staking).toBeCloseTo(200, 9);
    expect(c.mining).toBeCloseTo(365 * firstDay(RIG).profitPerDay - 4000, 6);
    expect(c.holding).toBe(0);
    expect(TYPICAL_STAKING_YIELDS.find((y) => y.coin === 'ATOM')).toEqual({ coin: 'ATOM', low: 0.15, high: 0.2 });
  });

  it('a cloud contract at its break-even price nets zero; owning is charged hardware and power', () => {
    const contract = { terahash: 100, pricePerTHDay: 0, maintenancePerTHDay: 0.01, days: 365 };
    const free = evaluateCloudContract(RIG, contract);
    const fair = evaluateCloudContract(RIG, { ...contract, pricePerTHDay: free.cloud.breakEvenPricePerTHDay });
    expect(Math.abs(fair.cloud.net)).toBeLessThan(1e-6);
    expect(free.cloud.revenue).toBeCloseTo(firstDay(RIG).revenuePerDay * 0.5 * 365, 6);
    expect(free.owning.net).toBeCloseTo(365 * firstDay(RIG).profitPerDay - 4000, 6);
  });
});

describe('the ledger', () => {
  it('stores whole satoshis, sums integers and prints exact coins', () => {
    const rows = ledger(RIG, '2025-02-27', 3);
    expect(rows.map((r) => r.date)).toEqual(['2025-02-27', '2025-02-28', '2025-03-01']);
    for (const r of rows) expect(Number.isInteger(r.sats)).toBe(true);
    expect(rows[2]!.totalSats).toBe(rows[0]!.sats + rows[1]!.sats + rows[2]!.sats);
    expect(rows[0]!.sats).toBe(Math.round(firstDay(RIG).coinsPerDay * 1e8));
    const csv = ledgerCsv(ledger(RIG, '2025-01-01', 2, [12_345, 100_000_001]));
    expect(csv).toBe('date,coins,value\n2025-01-01,0.00012345,7.41\n2025-01-02,1.00000001,60000.00\n');
  });

  it('refuses a day that does not exist instead of rolling it over', () => {
    for (const bad of ['2026-02-30', '2025-02-29', '2025-04-31', '2025-13-01', '2025-00-10']) {
      expect(() => ledger(RIG, bad, 3), bad).toThrow(/startDate/);
    }
    expect(ledger(RIG, '2024-02-29', 2).map((r) => r.date)).toEqual(['2024-02-29', '2024-03-01']);
  });

  it('formatSats is exact for every integer amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 21e14 }), (sats) => {
        const text = formatSats(sats);
        const [whole, frac] = text.split('.');
        return frac!.length === 8 && BigInt(whole!) * 100_000_000n + BigInt(frac!) === BigInt(sats);
      }),
    );
  });
});

describe('inputs and devices', () => {
  it.each([
    [{ hashrate: -1 }, 'hashrate'],
    [{ poolFee: 1.2 }, 'poolFee'],
    [{ difficulty: 0 }, 'difficulty'],
    [{ difficultyGrowth: -1 }, 'difficultyGrowth'],
    // Values that used to give Infinity, NaN or 300-digit figures on the Pools & profit screen.
    [{ hashrate: 1e300 }, 'hashrate'],
    [{ difficulty: 1e300 }, 'difficulty'],
    [{ difficulty: 1e-300 }, 'difficulty'],
    [{ subsidy: 1e300 }, 'subsidy'],
    [{ fees: 1e300 }, 'fees'],
    [{ price: 1e300 }, 'price'],
    [{ watts: 1e300 }, 'watts'],
    [{ electricity: 1e300 }, 'electricity'],
    [{ hardwareCost: 1e300 }, 'hardwareCost'],
  ] as const)('%o is an InputError naming %s', (change, field) => {
    let caught: unknown;
    try {
      normalizeProfitInput({ ...RIG, ...change });
    } catch (error) {
      caught = error;
    }
    expect(isInputError(caught) && (caught as { field: string }).field).toBe(field);
  });

  it('every device profile has a source and consistent figures', () => {
    expect(DEVICES.length).toBeGreaterThan(15);
    for (const d of DEVICES) {
      expect(d.source.length).toBeGreaterThan(5);
      expect(d.hashrate).toBeGreaterThan(0);
    }
    const s19 = DEVICES.find((d) => d.id === 's19')!;
    expect(efficiencyJPerTH(s19)).toBeCloseTo(34.2, 1);
    const s9 = DEVICES.find((d) => d.id === 's9')!;
    expect(efficiencyJPerTH(s9)).toBeCloseTo(98, 0);
    // A GPU is millions of times less efficient than an ASIC at SHA-256d.
    expect(efficiencyJPerTH(DEVICES.find((d) => d.id === 'rtx4090')!)! / efficiencyJPerTH(s19)!).toBeGreaterThan(1000);
  });
});
