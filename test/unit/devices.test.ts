// The device catalogue's schema (every figure sourced, derived figures consistent with their basis),
// the device-economics formulas as known answers computed here from the formulas, rigs, and
// the user devices' parsing and file.
import { describe, expect, it } from 'vitest';
import { createBenchResult, type RunRecord } from '../../src/model/bench-result.js';
import { EVIDENCE } from './evidence-fixture.js';
import {
  CONFIDENCES,
  DEVICE_KINDS,
  DEVICES,
  KIND_NAMES,
  TYPICAL_WATTS,
  benchResultDevice,
  browserDevice,
  deviceById,
  efficiencyJPerTH,
  gpuDevice,
  modeledGpuFor,
  type DeviceProfile,
} from '../../src/model/devices.js';
import {
  HASHRATE_UNITS,
  USER_DEVICES_FORMAT,
  USER_DEVICES_VERSION,
  checkUserDevice,
  parseHashrateInput,
  parseUserDevicesFile,
  parseWattsInput,
  userDeviceProfile,
  userDevicesFile,
  type UserDevice,
} from '../../src/model/user-devices.js';
import { isInputError } from '../../src/model/validate.js';
import { copiesToMatch, defaultEconomics, deviceFigures, rigTotals, type EconomicsInput } from '../../src/sim/device-economics.js';
import { BUNDLED_DIFFICULTY } from '../../src/sim/luck.js';

/** The InputError's field, or a description of what was thrown instead. */
function fieldOf(f: () => unknown): string {
  try {
    f();
  } catch (error) {
    return isInputError(error) ? error.field : `not an InputError: ${String(error)}`;
  }
  return 'nothing thrown';
}

const TH = 1e12;
const byId = (id: string): DeviceProfile => {
  const d = deviceById(id);
  if (!d) throw new Error(`no device ${id}`);
  return d;
};
/** Digits after the decimal point of a number as written in a basis note. */
const halfUnit = (written: string) => 0.5 * 10 ** -(written.split('.')[1]?.length ?? 0);

describe('catalogue schema', () => {
  it('has at least 30 rows spanning 2013 to 2026, every kind present, ids unique', () => {
    expect(DEVICES.length).toBeGreaterThanOrEqual(30);
    const years = DEVICES.map((d) => Number(d.released.slice(0, 4)));
    expect(Math.min(...years)).toBe(2013);
    expect(Math.max(...years)).toBe(2026);
    for (const kind of DEVICE_KINDS) expect(DEVICES.filter((d) => d.kind === kind).length, kind).toBeGreaterThan(0);
    expect(DEVICE_KINDS).toEqual(['asic', 'gpu', 'cpu', 'home']);
    expect(Object.keys(KIND_NAMES).sort()).toEqual([...DEVICE_KINDS].sort());
    const ids = DEVICES.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9][a-z0-9-]*$/);
  });

  it('holds every row of the reference that has a hashrate', () => {
    const reference = [
      // ASIC table (the Whatsminer M30S has an efficiency only, so no row)
      's9', 's17', 's19', 's19pro', 's19xp', 's21', 's21hyd', 's21pro', 's21xp', 's21xphyd', 's21plus', 's21xpplushyd',
      's23', 's23hyd', 's23hyd3u', 'm60spp', 'm66s', 'm70splus', 'a1466', 'a15', 'a16', 'a16xp', 'at2880',
      // home miners
      'bitaxe-gamma', 'bitaxe-supra', 'bitaxe-ultra', 'nerdminer-sw', 'nerdminer-hw',
      // GPUs (hashcat)
      'rtx5090', 'rtx4090', 'h100', 'b200', 'rtx3090', 'rtx3080', 'rtx2080ti', 'rx6800xt', 'rx580', 'm2ultra', 'm4pro', 'm1', 'jetson-nano',
      // CPUs
      'i7-6700k', 'zen4-core', 'arrowlake-pcore', 'cortex-a76', 'epyc-cpuminer-thread',
    ];
    for (const id of reference) expect(deviceById(id), id).toBeDefined();
  });

  it('no figure without a source and a confidence; watts null, never 0, when unknown, and then explained', () => {
    for (const d of DEVICES) {
      const where = d.id;
      expect(d.name.length, where).toBeGreaterThan(3);
      expect(d.maker.length, where).toBeGreaterThan(1);
      expect(d.source.length, where).toBeGreaterThan(5);
      expect(CONFIDENCES, where).toContain(d.confidence);
      expect(DEVICE_KINDS, where).toContain(d.kind);
      expect(d.measured, where).toBe(false);
      expect(Number.isFinite(d.hashrate) && d.hashrate > 0, where).toBe(true);
      if (d.watts === null) expect(d.basis ?? '', where).toMatch(/watts: (unknown|not)/);
      else expect(Number.isFinite(d.watts) && d.watts > 0, where).toBe(true);
    }
  });

  it('release dates are YYYY-MM from 2009-01 to 2026-12; a -01 month is either known or said to be unknown', () => {
    for (const d of DEVICES) {
      expect(d.released, d.id).toMatch(/^\d{4}-(0[1-9]|1[0-2])$/);
      expect(d.released >= '2009-01' && d.released <= '2026-12', d.id).toBe(true);
      if (/month is unknown|month unknown/.test(d.basis ?? '')) expect(d.released.endsWith('-01'), d.id).toBe(true);
    }
  });

  it('derived figures agree with their basis', () => {
    let checked = 0;
    for (const d of DEVICES) {
      const basis = d.basis ?? '';
      const th = d.hashrate / TH;
      const derivedWatts = /watts derived from ([\d.]+) J\/TH/.exec(basis);
      if (derivedWatts) {
        // Watts are rounded to 1 W and the J/TH figure to its last digit.
        expect(Math.abs(d.watts! / th - Number(derivedWatts[1])), d.id).toBeLessThanOrEqual(0.5 / th + halfUnit(derivedWatts[1]!));
        checked++;
      }
      const derivedEfficiency = /J\/TH derived \(([\d.]+)\)/.exec(basis);
      if (derivedEfficiency) {
        expect(Math.abs(d.watts! / th - Number(derivedEfficiency[1])), d.id).toBeLessThanOrEqual(halfUnit(derivedEfficiency[1]!));
        checked++;
      }
      const modeled = /0\.47 × hashcat mode 1400 ([\d.]+) MH\/s/.exec(basis);
      if (modeled) {
        expect(d.hashrate, d.id).toBeCloseTo(0.47 * Number(modeled[1]) * 1e6, 0);
        checked++;
      }
      const published = /^hashcat mode 21400 ([\d.]+) MH\/s/.exec(basis);
      if (published) {
        expect(d.hashrate, d.id).toBeCloseTo(Number(published[1]) * 1e6, 0);
        checked++;
      }
      const halved = /half of ([\d.]+) MH\/s compressions/.exec(basis);
      if (halved) {
        expect(d.hashrate, d.id).toBeCloseTo((Number(halved[1]) / 2) * 1e6, 0);
        checked++;
      }
      if (d.kind === 'gpu') {
        expect(modeled || published, `${d.id}: a GPU's header rate says how it was modeled`).toBeTruthy();
        if (d.watts !== null) expect(basis, d.id).toContain('a spec, not a measurement');
      }
    }
    expect(checked).toBeGreaterThanOrEqual(20);
  });

  it("the ASICs' efficiencies are the reference's J/TH column", () => {
    // As printed in ../shared/reference/devices.md (the M66S's "~18.5" is the press release's; its
    // catalogue watts give 19.0, which its basis says).
    const table: Record<string, string> = {
      s9: '98', s17: '45', s19: '34.2', s19pro: '29.5', s19xp: '21.5', s21: '17.5', s21hyd: '16.0', s21pro: '15.0',
      s21xp: '13.5', s21xphyd: '12.0', s21plus: '16.5', s21xpplushyd: '11.0', s23: '11.0', s23hyd: '9.5', s23hyd3u: '9.5',
      m60spp: '15.9', m70splus: '12.9', a1466: '21.5', a15: '18.8', a16: '13.8', a16xp: '12.8', at2880: '16.0', s7: '273',
    };
    for (const [id, written] of Object.entries(table)) {
      expect(Math.abs(efficiencyJPerTH(byId(id))! - Number(written)), id).toBeLessThanOrEqual(halfUnit(written) + 1e-9);
    }
    expect(byId('m66s').basis).toContain('18.5');
  });

  it("the reference's headline: an RTX 5090 models at about 13 GH/s and 43,000 J/TH, some 4,500 times an S23 Hyd", () => {
    const gpu = byId('rtx5090');
    expect(gpu.hashrate / 1e9).toBeCloseTo(13.3, 1);
    expect(efficiencyJPerTH(gpu)! / 1000).toBeCloseTo(43.1, 1);
    expect(Math.round(efficiencyJPerTH(gpu)! / efficiencyJPerTH(byId('s23hyd'))! / 100) * 100).toBe(4500);
    // Bitaxe Gamma: the firmware's 525 MHz × 2040 small cores / 1000 GH/s.
    expect(byId('bitaxe-gamma').hashrate).toBe(((525 * 2040) / 1000) * 1e9);
  });

  it('typical watts are a hint with a source, labelled as rated, not measured', () => {
    expect(TYPICAL_WATTS.length).toBeGreaterThan(0);
    for (const t of TYPICAL_WATTS) {
      expect(t.min).toBeGreaterThan(0);
      expect(t.max).toBeGreaterThanOrEqual(t.min);
      expect(t.source).toMatch(/not measured/);
    }
  });
});

describe('measured rows', () => {
  it('this browser: measured, watts only as typed, no efficiency until then', () => {
    const b = browserDevice({ hashrate: 3.1e6, threads: 4, date: '2026-11-30T10:00:00Z' }, null);
    expect(b).toMatchObject({ id: 'this-browser', kind: 'cpu', measured: true, watts: null, released: '2026-11', hashrate: 3.1e6 });
    expect(b.name).toContain('4 threads');
    expect(efficiencyJPerTH(b)).toBeNull();
    const typed = browserDevice({ hashrate: 3.1e6, threads: 1, date: '2026-11-30T10:00:00Z' }, 20);
    expect(efficiencyJPerTH(typed)).toBeCloseTo(20 / (3.1e6 / 1e12), 6);
    expect(typed.name).toContain('1 thread)');
  });

  it('an imported benchmark result becomes a measured row under its name (or browser and cores)', () => {
    const run = (hashrate: number): RunRecord => ({
      threads: 2, simd: true, lanes: 4, hashrate, perWorker: [hashrate / 2, hashrate / 2], min: hashrate, max: hashrate, cv: 0,
      warmupSeconds: 1, windowSeconds: 1, measuredSeconds: 3, ended: 'time',
      windows: [{ start: 1, seconds: 1, rate: hashrate, valid: true }], hiddenSeconds: 0,
      throttling: { checked: false, firstThird: 0, lastThird: 0, drop: 0, throttled: false }, incidents: [], gpuHashrate: null, evidence: EVIDENCE,
    });
    const make = (label: string) =>
      createBenchResult({
        kind: 'sweep', label, date: '2025-01-31T12:34:56.789Z',
        workload: { algorithm: 'sha256d-header', header: '01'.repeat(80) },
        backend: 'wasm', adapter: null, caveats: { disturbedBy: [], emulated: false },
        app: 'PoW Lab (browser)',
        device: { userAgent: 'Mozilla/5.0 (Android 14) Chrome/131.0.0.0 Mobile', cores: 8, simdSupported: true, crossOriginIsolated: true, deviceMemoryGiB: null, battery: null },
        runs: [run(1e6), run(2.5e6)],
      });
    const phone = benchResultDevice(make('My Phone'), null);
    expect(phone).toMatchObject({ name: 'My Phone', hashrate: 2.5e6, measured: true, watts: null, kind: 'cpu', released: '2025-01' });
    expect(phone.id).toBe('measured-my-phone-2025-01-31t12-34-56-789z');
    const unnamed = benchResultDevice(make('  '), 5);
    expect(unnamed.name).toBe('Chrome, 8 cores');
    expect(unnamed.watts).toBe(5);
  });
});

describe('device economics: the formulas as known answers', () => {
  const D = 1.1e14;
  const input = (over: Partial<EconomicsInput> = {}): EconomicsInput => ({ difficulty: D, reward: 3.125, fees: 0.5, poolFee: 0.02, price: 60_000, electricity: 0.05, ...over });

  it('an S21: expected time, coins, revenue, electricity, profit, efficiency, hashprice', () => {
    const f = deviceFigures({ hashrate: 200e12, watts: 3500 }, input());
    const expected = (D * 4294967296) / 200e12;
    expect(f.expectedSecondsToBlock).toBeCloseTo(expected, 3);
    const coins = (3.625 * 0.98 * 86400) / expected;
    expect(f.coinsPerDay).toBeCloseTo(coins, 15);
    expect(f.revenuePerDay).toBeCloseTo(coins * 60_000, 9);
    expect(f.electricityPerDay).toBeCloseTo(4.2, 12);
    expect(f.profitPerDay).toBeCloseTo(coins * 60_000 - 4.2, 9);
    expect(f.efficiency).toBeCloseTo(17.5, 12);
    expect(f.hashprice).toBeCloseTo(((3.625 * 1e12 * 86400) / (D * 4294967296)) * 60_000, 9);
    expect(f.pBlockPerYear).toBeCloseTo(1 - Math.exp((-365.25 * 86400) / expected), 12);
    expect(f.oneInNPerDay).toBeCloseTo(1 / (1 - Math.exp(-86400 / expected)), 6);
  });

  it("a 5 MH/s CPU's odds are tiny and exact, not 0 (expm1)", () => {
    const f = deviceFigures({ hashrate: 5e6, watts: null }, input());
    const x = (365.25 * 86400 * 5e6) / (D * 2 ** 32); // the year's expected blocks, ~3.3e-10
    const exact = x - (x * x) / 2 + (x * x * x) / 6;
    expect(f.pBlockPerYear).toBeGreaterThan(0);
    expect(Math.abs(f.pBlockPerYear - exact) / exact).toBeLessThan(1e-12);
    // 1 - exp(-x) would be off in the 7th digit here.
    expect(Math.abs(1 - Math.exp(-x) - exact) / exact).toBeGreaterThan(1e-9);
    const day = (86400 * 5e6) / (D * 2 ** 32);
    expect(f.oneInNPerDay / (1 / day)).toBeCloseTo(1, 9);
    expect(f.expectedSecondsToBlock / (365.25 * 86400)).toBeCloseTo((D * 2 ** 32) / 5e6 / 31_557_600, 6);
  });

  it('null, not 0, where watts, price or electricity are unknown', () => {
    const noWatts = deviceFigures({ hashrate: 1e12, watts: null }, input());
    expect([noWatts.electricityPerDay, noWatts.profitPerDay, noWatts.efficiency]).toEqual([null, null, null]);
    expect(noWatts.revenuePerDay).not.toBeNull();
    const noPrice = deviceFigures({ hashrate: 1e12, watts: 10 }, input({ price: null }));
    expect([noPrice.revenuePerDay, noPrice.profitPerDay, noPrice.hashprice]).toEqual([null, null, null]);
    expect(noPrice.electricityPerDay).toBeCloseTo(0.012, 12);
    const noPower = deviceFigures({ hashrate: 1e12, watts: 10 }, input({ electricity: null }));
    expect([noPower.electricityPerDay, noPower.profitPerDay]).toEqual([null, null]);
    expect(noPower.efficiency).toBeCloseTo(10, 12);
  });

  it('defaults: the bundled difficulty, the current subsidy, no fees, no pool fee, no money', () => {
    expect(defaultEconomics()).toEqual({ difficulty: BUNDLED_DIFFICULTY.difficulty, reward: 3.125, fees: 0, poolFee: 0, price: null, electricity: null });
  });

  it('rejects a zero or negative hashrate, naming the field', () => {
    expect(fieldOf(() => deviceFigures({ hashrate: 0, watts: null }, input()))).toBe('hashrate');
    expect(fieldOf(() => deviceFigures({ hashrate: -1, watts: null }, input()))).toBe('hashrate');
    expect(fieldOf(() => deviceFigures({ hashrate: 1, watts: null }, input({ difficulty: 0 })))).toBe('difficulty');
  });
});

describe('rigs and copies', () => {
  const browser = browserDevice({ hashrate: 5e6, threads: 8, date: '2026-12-01' }, null);

  it('3 × S21 + 2 × RTX 4090 (+ this browser): hashrate summed, watts null once any are unknown', () => {
    const s21 = byId('s21');
    const gpu = byId('rtx4090');
    expect(rigTotals([{ device: s21, count: 3 }, { device: gpu, count: 2 }])).toEqual({ hashrate: 3 * 200e12 + 2 * 0.47 * 21_975.5e6, watts: 3 * 3500 + 2 * 450 });
    const withBrowser = rigTotals([{ device: s21, count: 3 }, { device: gpu, count: 2 }, { device: browser, count: 1 }]);
    expect(withBrowser.hashrate).toBeCloseTo(3 * 200e12 + 2 * 0.47 * 21_975.5e6 + 5e6, 0);
    expect(withBrowser.watts).toBeNull();
    expect(rigTotals([])).toEqual({ hashrate: 0, watts: 0 });
  });

  it.each([0, -1, 1.5, NaN, 1e7, Infinity])('a count of %s is an InputError naming count', (count) => {
    expect(fieldOf(() => rigTotals([{ device: byId('s21'), count }]))).toBe('count');
  });

  it('matching one S21 takes 4e7 copies of a 5 MH/s browser, drawing 800,000 kW at 20 W each', () => {
    expect(copiesToMatch(byId('s21'), browser)).toEqual({ copies: 200e12 / 5e6, kilowatts: null });
    const typed = copiesToMatch(byId('s21'), { hashrate: 5e6, watts: 20 });
    expect(typed.copies).toBeCloseTo(4e7, 6);
    expect(typed.kilowatts).toBeCloseTo((4e7 * 20) / 1000, 3);
  });
});

describe('user devices', () => {
  it('hashrate with units', () => {
    expect(HASHRATE_UNITS.map((u) => u.unit)).toEqual(['H/s', 'kH/s', 'MH/s', 'GH/s', 'TH/s', 'PH/s', 'EH/s']);
    expect(parseHashrateInput('3.1', 'MH/s', 'hr')).toBeCloseTo(3.1e6, 6);
    expect(parseHashrateInput(' 200 ', 'th/s', 'hr')).toBe(200e12);
    expect(parseHashrateInput('1e3', 'H/s', 'hr')).toBe(1000);
  });

  it.each([
    ['-1', 'MH/s'],
    ['0', 'MH/s'],
    ['NaN', 'MH/s'],
    ['1e400', 'H/s'],
    ['fast', 'MH/s'],
    ['', 'MH/s'],
    ['5', 'XH/s'],
    ['1e10', 'EH/s'],
    ['0x10', 'H/s'],
  ])('hashrate %j %s is an InputError naming the field', (value, unit) => {
    expect(fieldOf(() => parseHashrateInput(value, unit, 'ud-hashrate'))).toBe('ud-hashrate');
  });

  it('says what was wrong: negative, zero, too large, unknown unit', () => {
    expect(() => parseHashrateInput('-1', 'MH/s', 'f')).toThrow(/negative/);
    expect(() => parseHashrateInput('0', 'MH/s', 'f')).toThrow(/above 0/);
    expect(() => parseHashrateInput('1e400', 'MH/s', 'f')).toThrow(/too large/);
    expect(() => parseHashrateInput('1', 'XH/s', 'f')).toThrow(/unknown unit "XH\/s"/);
  });

  it('watts as typed: empty is unknown; negative, zero, text, 1e400 are errors', () => {
    expect(parseWattsInput('', 'w')).toBeNull();
    expect(parseWattsInput('20', 'w')).toBe(20);
    for (const bad of ['-5', '0', 'x', '1e400', 'NaN']) expect(fieldOf(() => parseWattsInput(bad, 'w')), bad).toBe('w');
  });

  const good: UserDevice = { id: 'user-pi', name: 'Raspberry Pi 5', kind: 'cpu', hashrate: 1.5e6, watts: 7, note: 'measured with cpuminer' };

  it('checks one entry, naming the field at fault', () => {
    expect(checkUserDevice(good)).toEqual(good);
    expect(checkUserDevice({ name: ' Rig ', kind: 'asic', hashrate: 1e12 })).toEqual({ id: 'user-rig', name: 'Rig', kind: 'asic', hashrate: 1e12, watts: null, note: '' });
    const cases: [Record<string, unknown>, string][] = [
      [{ name: '' }, 'name'],
      [{ name: 5 }, 'name'],
      [{ name: 'x'.repeat(81) }, 'name'],
      [{ kind: 'fpga' }, 'kind'],
      [{ hashrate: -1 }, 'hashrate'],
      [{ hashrate: 0 }, 'hashrate'],
      [{ hashrate: NaN }, 'hashrate'],
      [{ hashrate: Infinity }, 'hashrate'],
      [{ hashrate: '5' }, 'hashrate'],
      [{ hashrate: 1e28 }, 'hashrate'],
      [{ watts: -5 }, 'watts'],
      [{ watts: 0 }, 'watts'],
      [{ watts: 'lots' }, 'watts'],
      [{ note: 7 }, 'note'],
      [{ id: '' }, 'id'],
    ];
    for (const [change, field] of cases) expect(fieldOf(() => checkUserDevice({ ...good, ...change })), JSON.stringify(change)).toBe(field);
    expect(fieldOf(() => checkUserDevice('a device'))).toBe('device');
  });

  it('a file round-trips, and its rows are low-confidence figures of your own', () => {
    const text = userDevicesFile([good, { ...good, id: 'user-b', watts: null, note: '' }]);
    expect(JSON.parse(text)).toMatchObject({ format: USER_DEVICES_FORMAT, version: USER_DEVICES_VERSION });
    expect(parseUserDevicesFile(text)).toEqual({ devices: [good, { ...good, id: 'user-b', watts: null, note: '' }], problems: [] });
    const profile = userDeviceProfile(good);
    expect(profile).toMatchObject({ source: 'your own figure', confidence: 'low', measured: false, basis: 'measured with cpuminer', hashrate: 1.5e6, watts: 7 });
    expect(userDeviceProfile({ ...good, note: '' }).basis).toBe('entered by you');
  });

  it('a file with bad entries lists them and loads the rest', () => {
    const text = `{"format":"powlab-devices","version":1,"devices":[
      {"id":"a","name":"Good one","kind":"gpu","hashrate":1e9,"watts":100,"note":""},
      {"id":"b","name":"Negative","kind":"cpu","hashrate":-5},
      {"id":"c","name":"Huge","kind":"cpu","hashrate":1e400},
      {"id":"d","name":"Bad kind","kind":"fpga","hashrate":5},
      {"id":"a","name":"Same id","kind":"cpu","hashrate":5},
      "text",
      {"id":"e","name":"Also good","kind":"home","hashrate":5e4,"watts":null}
    ]}`;
    const { devices, problems } = parseUserDevicesFile(text);
    expect(devices.map((d) => d.id)).toEqual(['a', 'e']);
    expect(problems).toHaveLength(5);
    expect(problems[0]).toMatch(/^entry 2 \("Negative"\): hashrate: /);
    expect(problems[1]).toMatch(/^entry 3 \("Huge"\): hashrate: /);
    expect(problems[2]).toMatch(/^entry 4 \("Bad kind"\): kind: /);
    expect(problems[3]).toMatch(/^entry 5 \("Same id"\): id: .*twice/);
    expect(problems[4]).toMatch(/^entry 6: device: /);
  });

  it.each([
    ['not JSON', '{"format":'],
    ['a list', '[]'],
    ['another format', '{"format":"powlab-bench-result","version":1,"devices":[]}'],
    ['a newer version', '{"format":"powlab-devices","version":2,"devices":[]}'],
    ['no devices list', '{"format":"powlab-devices","version":1,"devices":{}}'],
  ])('refuses %s as a whole (InputError naming file)', (_what, text) => {
    expect(fieldOf(() => parseUserDevicesFile(text))).toBe('file');
  });
});

describe('this GPU (measured) beside the modeled GPUs', () => {
  const adapter = (description: string, vendor = 'nvidia') => ({ vendor, architecture: 'ada-lovelace', device: '', description, isFallbackAdapter: false });

  it('finds the catalogue row an adapter names, the longest model first, and none when it names none', () => {
    expect(modeledGpuFor(adapter('NVIDIA GeForce RTX 4090'))?.id).toBe('rtx4090');
    expect(modeledGpuFor(adapter('NVIDIA GeForce RTX 3080 Laptop GPU'))?.id).toBe('rtx3080');
    expect(modeledGpuFor(adapter('NVIDIA GeForce RTX 2080 Ti'))?.id).toBe('rtx2080ti');
    expect(modeledGpuFor(adapter('AMD Radeon RX 6800 XT', 'amd'))?.id).toBe('rx6800xt');
    expect(modeledGpuFor(adapter('NVIDIA GeForce RTX 4080'))).toBeUndefined();
    expect(modeledGpuFor(adapter('NVIDIA GeForce RTX 2080'))).toBeUndefined();
    // Chrome often hides the model: vendor and architecture alone name no row.
    expect(modeledGpuFor(adapter(''))).toBeUndefined();
    expect(modeledGpuFor(adapter('Google SwiftShader', 'google'))).toBeUndefined();
  });

  it('the measured row carries the measured/modeled ratio', () => {
    const modeled = deviceById('rtx4090')!;
    const row = gpuDevice({ hashrate: modeled.hashrate * 0.42, adapter: adapter('NVIDIA GeForce RTX 4090'), date: '2026-11-30T10:00:00Z' }, null);
    expect(row).toMatchObject({ id: 'this-gpu', kind: 'gpu', measured: true, watts: null, released: '2026-11' });
    expect(row.name).toBe('This GPU (measured): NVIDIA GeForce RTX 4090, nvidia, ada-lovelace');
    expect(row.basis).toContain("42% of the catalogue's modeled NVIDIA RTX 4090 (0.47 × hashcat mode 1400 21975.5 MH/s");
    expect(gpuDevice({ hashrate: 1e9, adapter: adapter(''), date: '' }, null).basis).toBe('watts: not entered yet');
  });
});
