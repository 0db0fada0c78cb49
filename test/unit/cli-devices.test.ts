// powlab devices, run as a user runs it (node bin/powlab.js over dist/; `npm run build:cli` first).
// Figures are checked against the formulas computed here, not against earlier output.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEVICES } from '../../src/model/devices.js';
import { BUNDLED_DIFFICULTY } from '../../src/sim/luck.js';

const bin = new URL('../../bin/powlab.js', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'powlab-devices-'));

function powlab(...args: string[]) {
  const r = spawnSync(process.execPath, [bin, 'devices', ...args], { encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface Row {
  id: string; name: string; kind: string; hashrate: number; watts: number | null; efficiency: number | null; released: string;
  source: string; confidence: string; measured: boolean; expectedSecondsToBlock: number; pBlockPerYear: number;
  coinsPerDay: number; revenuePerDay: number | null; electricityPerDay: number | null; profitPerDay: number | null;
}

function json(...args: string[]): { difficulty: number; devices: Row[] } {
  const r = powlab(...args, '--json');
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout);
}

function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

const KEYS = ['id', 'name', 'kind', 'hashrate', 'watts', 'efficiency', 'released', 'source', 'confidence', 'measured',
  'expectedSecondsToBlock', 'pBlockPerYear', 'coinsPerDay', 'revenuePerDay', 'electricityPerDay', 'profitPerDay'];
const YEAR = 365.25 * 86400;

describe('powlab devices --json', () => {
  it('lists the whole catalogue at the bundled difficulty and current subsidy, nulls where unknown', () => {
    const v = json();
    expect(Object.keys(v)).toEqual(['difficulty', 'devices']);
    expect(v.difficulty).toBe(BUNDLED_DIFFICULTY.difficulty);
    expect(v.devices).toHaveLength(DEVICES.length);
    for (const d of v.devices) {
      expect(Object.keys(d)).toEqual(KEYS);
      // No price given: no money figures; no electricity: no power cost.
      expect([d.revenuePerDay, d.electricityPerDay, d.profitPerDay]).toEqual([null, null, null]);
      expect(d.efficiency === null).toBe(d.watts === null);
      expect(d.measured).toBe(false);
      expect(d.coinsPerDay).toBeCloseTo((3.125 * 86400 * d.hashrate) / (BUNDLED_DIFFICULTY.difficulty * 2 ** 32), 18);
    }
    const hashrates = v.devices.map((d) => d.hashrate);
    expect(hashrates).toEqual([...hashrates].sort((a, b) => b - a));
    expect(v.devices.find((d) => d.id === 'b200')!.watts).toBeNull();
  });

  it('an S21 with every economic input: the formulas, computed here', () => {
    const D = 1.1e14;
    const v = json('--difficulty', String(D), '--reward', '3.125', '--fees', '0.5', '--price', '60000', '--electricity', '0.05', '--pool-fee', '0.02');
    const s21 = v.devices.find((d) => d.id === 's21')!;
    const expected = (D * 2 ** 32) / 200e12;
    const coins = (3.625 * 0.98 * 86400) / expected;
    expect(s21.expectedSecondsToBlock).toBeCloseTo(expected, 3);
    expect(s21.pBlockPerYear).toBeCloseTo(1 - Math.exp(-YEAR / expected), 12);
    expect(s21.coinsPerDay).toBeCloseTo(coins, 15);
    expect(s21.revenuePerDay).toBeCloseTo(coins * 60000, 9);
    expect(s21.electricityPerDay).toBeCloseTo(((3500 * 24) / 1000) * 0.05, 12);
    expect(s21.profitPerDay).toBeCloseTo(coins * 60000 - 4.2, 9);
    expect(s21.efficiency).toBeCloseTo(17.5, 12);
    expect(s21).toMatchObject({ watts: 3500, released: '2023-09', confidence: 'high', kind: 'asic' });
    expect(s21.source).toContain('ViaBTC');
    // A GPU with no board power in the sources: money in, no cost, no profit.
    const b200 = v.devices.find((d) => d.id === 'b200')!;
    expect(b200.revenuePerDay).not.toBeNull();
    expect([b200.electricityPerDay, b200.profitPerDay, b200.efficiency]).toEqual([null, null, null]);
  });

  it('--hashrate adds a measured row; a laptop CPU has tiny odds that are not 0', () => {
    const v = json('--hashrate', '3.1e6', '--watts', '20', '--name', 'this laptop', '--difficulty', '1.1e14');
    const mine = v.devices.filter((d) => d.measured);
    expect(mine).toHaveLength(1);
    const m = mine[0]!;
    expect(m).toMatchObject({ name: 'this laptop', hashrate: 3.1e6, watts: 20, measured: true });
    expect(m.efficiency).toBeCloseTo(20 / (3.1e6 / 1e12), 3);
    const x = (YEAR * 3.1e6) / (1.1e14 * 2 ** 32);
    expect(m.pBlockPerYear).toBeGreaterThan(0);
    expect(Math.abs(m.pBlockPerYear - (x - (x * x) / 2)) / x).toBeLessThan(1e-12);
    expect(json('--hashrate', '3.1M').devices.find((d) => d.measured)).toMatchObject({ hashrate: 3.1e6, watts: null, efficiency: null, name: 'your device' });
  });

  it('--kind keeps one kind (and the --hashrate row)', () => {
    for (const kind of ['asic', 'gpu', 'cpu', 'home']) {
      const v = json('--kind', kind);
      expect(v.devices.length).toBe(DEVICES.filter((d) => d.kind === kind).length);
      expect(v.devices.every((d) => d.kind === kind)).toBe(true);
    }
    expect(json('--kind', 'home', '--hashrate', '5e6').devices.filter((d) => d.measured)).toHaveLength(1);
  });

  it('--sort efficiency puts the best J/TH first and unknowns last; --sort profit the most profitable', () => {
    const byEfficiency = json('--sort', 'efficiency').devices;
    const known = byEfficiency.filter((d) => d.efficiency !== null).map((d) => d.efficiency!);
    expect(known).toEqual([...known].sort((a, b) => a - b));
    expect(byEfficiency.findIndex((d) => d.efficiency === null)).toBe(known.length);
    const byProfit = json('--sort', 'profit', '--price', '90000', '--electricity', '0.05').devices;
    const profits = byProfit.filter((d) => d.profitPerDay !== null).map((d) => d.profitPerDay!);
    expect(profits).toEqual([...profits].sort((a, b) => b - a));
    expect(byProfit.slice(profits.length).every((d) => d.profitPerDay === null)).toBe(true);
  });

  it('--file adds your own devices from an exported file', () => {
    const path = file('mine.json', {
      format: 'powlab-devices',
      version: 1,
      devices: [
        { id: 'user-pi', name: 'Raspberry Pi 5', kind: 'cpu', hashrate: 1.5e6, watts: 7, note: 'cpuminer, 4 threads' },
        { id: 'user-rig', name: 'Garage rig', kind: 'asic', hashrate: 1e15, watts: null, note: '' },
      ],
    });
    const v = json('--file', path);
    expect(v.devices).toHaveLength(DEVICES.length + 2);
    expect(v.devices.find((d) => d.id === 'user-pi')).toMatchObject({ source: 'your own figure', confidence: 'low', measured: false, watts: 7 });
    expect(json('--file', path, '--kind', 'cpu').devices.some((d) => d.id === 'user-rig')).toBe(false);
  });
});

describe('powlab devices (the table)', () => {
  it('one line per device, no NaN or Infinity, money columns only with a price', () => {
    const plain = powlab('--kind', 'home');
    expect(plain.status).toBe(0);
    const lines = plain.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^device\s+kind\s+hashrate/);
    expect(lines.filter((l) => /Bitaxe|NerdMiner/.test(l))).toHaveLength(5);
    expect(plain.stdout).not.toMatch(/NaN|Infinity|undefined/);
    expect(plain.stdout).not.toContain('profit/d');
    const priced = powlab('--price', '90000', '--electricity', '0.05', '--hashrate', '3.1e6', '--name', 'this laptop');
    expect(priced.stdout).toContain('profit/d');
    expect(priced.stdout).toMatch(/^\* this laptop/m);
    expect(priced.stdout).not.toMatch(/NaN|Infinity|undefined/);
  });
});

describe('powlab devices: bad input is one line on stderr and exit 2', () => {
  const notJson = file('broken.json', '{"format": "powlab-devices", ');
  const wrongFormat = file('bench.json', { format: 'powlab-bench-result', version: 1, devices: [] });
  const wrongVersion = file('v2.json', { format: 'powlab-devices', version: 2, devices: [] });
  const badEntry = file('bad-entry.json', { format: 'powlab-devices', version: 1, devices: [{ id: 'x', name: 'Negative', kind: 'cpu', hashrate: -1 }] });
  const noList = file('no-list.json', { format: 'powlab-devices', version: 1 });
  it.each([
    [['--hashrate', '-5'], '--hashrate'],
    [['--hashrate', '0'], '--hashrate'],
    [['--hashrate', 'fast'], '--hashrate'],
    [['--hashrate', '1e400'], '--hashrate'],
    [['--kind', 'fpga'], '--kind'],
    [['--sort', 'name'], '--sort'],
    [['--pool-fee', '1.5'], '--pool-fee'],
    [['--pool-fee', '-0.1'], '--pool-fee'],
    [['--difficulty', '0'], '--difficulty'],
    [['--difficulty', '-1'], '--difficulty'],
    [['--price', 'NaN'], '--price'],
    [['--watts', '20'], '--watts'],
    [['--name', 'laptop'], '--name'],
    [['--hashrate', '5e6', '--watts', '-3'], '--watts'],
    [['--file', notJson], '--file'],
    [['--file', wrongFormat], '--file'],
    [['--file', wrongVersion], '--file'],
    [['--file', badEntry], '--file'],
    [['--file', noList], '--file'],
    [['--file', join(dir, 'missing.json')], '--file'],
    [['--colour'], '--colour'],
  ])('%j names %s', (args, flag) => {
    const r = powlab(...args);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^powlab devices: ${flag.replace(/[-]/g, '\\-')}: `));
  });

  it('a bad entry in --file is named', () => {
    expect(powlab('--file', badEntry).stderr).toMatch(/entry 1 \("Negative"\): hashrate/);
  });
});
