// powlab retarget and powlab simulate, run as a user runs them (node bin/powlab.js over dist/; run
// `npm run build:cli` first).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hexNumber, loadDifficultyVectors } from '../helpers/vectors.js';

const bin = new URL('../../bin/powlab.js', import.meta.url).pathname;

function powlab(...args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function json(...args: string[]) {
  const r = powlab(...args, '--json');
  expect(r.stderr).toBe('');
  return { status: r.status, value: JSON.parse(r.stdout) as Record<string, unknown> };
}

function refused(args: string[], message: RegExp) {
  const r = powlab(...args);
  expect(r.status, args.join(' ')).toBe(2);
  expect(r.stdout).toBe('');
  const lines = r.stderr.trimEnd().split('\n');
  expect(lines, 'one line on stderr').toHaveLength(1);
  expect(lines[0]).toMatch(message);
}

describe('powlab retarget', () => {
  it.each(loadDifficultyVectors().retarget)('Core case $name', (v) => {
    const { status, value } = json('retarget', '--bits', v.bits, '--first-time', String(v.lastRetargetTime), '--last-time', String(v.lastTime));
    expect(status).toBe(0);
    expect(Object.keys(value).sort()).toEqual(['bits', 'clampedTimespan', 'difficulty', 'target', 'timespan']);
    expect(value.bits).toBe(`0x${hexNumber(v.expectedBits).toString(16).padStart(8, '0')}`);
    expect(value.timespan).toBe(v.lastTime - v.lastRetargetTime);
  });

  it('gives the full answer for block 32256', () => {
    const { value } = json('retarget', '--bits', '0x1d00ffff', '--first-time', '1261130161', '--last-time', '1262152739');
    expect(value).toEqual({
      bits: '0x1d00d86a',
      target: '00000000d86a0000000000000000000000000000000000000000000000000000',
      difficulty: 0xffff / 0xd86a,
      timespan: 1022578,
      clampedTimespan: 1022578,
    });
  });

  it('shows the clamp (Core’s upper-limit case)', () => {
    const { value } = json('retarget', '--bits', '0x1c387f6f', '--first-time', '1263163443', '--last-time', '1269211443');
    expect(value).toMatchObject({ bits: '0x1d00e1fd', timespan: 6048000, clampedTimespan: 4838400 });
    expect(powlab('retarget', '--bits', '0x1c387f6f', '--first-time', '1263163443', '--last-time', '1269211443').stdout).toMatch(/4T limit/);
  });

  it.each([
    [['--bits', '0x01fedcba'], /--bits: .*negative/],
    [['--bits', '0x00000000'], /--bits: .*zero/],
    [['--bits', '0xff123456'], /--bits: .*overflows/],
    [['--bits', '0x1d01ffff'], /--bits: .*above powLimit/],
    [['--bits=-1'], /--bits: expected nBits/],
    [['--bits', 'zz'], /--bits: expected nBits/],
  ])('refuses nBits %j', (bits, message) => {
    refused(['retarget', ...bits, '--first-time', '1000', '--last-time', '2000'], message);
  });

  it('refuses a last time before the first, missing or bad times, unknown options', () => {
    refused(['retarget', '--bits', '0x1d00ffff', '--first-time', '2000', '--last-time', '1000'], /^powlab retarget: --last-time: 1000 is before --first-time 2000/);
    refused(['retarget', '--bits', '0x1d00ffff', '--first-time', '2000'], /--last-time: is required/);
    refused(['retarget', '--bits', '0x1d00ffff', '--first-time', 'noon', '--last-time', '1000'], /--first-time: not an integer/);
    refused(['retarget', '--bits', '0x1d00ffff', '--first-time', '1', '--last-time', '4294967296'], /--last-time: .*outside/);
    refused(['retarget', '--bits', '0x1d00ffff', '--first-time', '1', '--last-time', '2', '--fast'], /--fast: unknown option/);
  });
});

describe('powlab simulate difficulty', () => {
  it('prints summary statistics, the same for the same seed', () => {
    const args = ['simulate', 'difficulty', '--algorithm', 'asert', '--scenario', 'constant', '--blocks', '5000', '--seed', '3'];
    const a = json(...args);
    const b = json(...args);
    expect(a.status).toBe(0);
    expect(b.value).toEqual(a.value);
    expect(a.value).toMatchObject({ blocks: 5000, seed: 3, scenario: { kind: 'constant' }, initialBits: '0x17028c61' });
    const [result] = a.value.results as Record<string, number>[];
    expect(result).toMatchObject({ algorithm: 'asert', blocks: 5000 });
    expect(Math.abs(result!.meanInterval! - 600)).toBeLessThan(40);
    const other = json(...args.slice(0, -1), '4');
    expect((other.value.results as Record<string, number>[])[0]!.meanInterval).not.toBe(result!.meanInterval);
  });

  it('runs several algorithms on one scenario: a drop, where Bitcoin recovers last', () => {
    const { value } = json('simulate', 'difficulty', '--algorithm', 'all', '--scenario', 'drop', '--factor', '0.5', '--at-days', '10', '--blocks', '8064', '--seed', '1');
    const results = value.results as { algorithm: string; recovery: { seconds: number } }[];
    expect(results.map((r) => r.algorithm)).toEqual(['bitcoin', 'asert', 'lwma', 'sma']);
    const seconds = Object.fromEntries(results.map((r) => [r.algorithm, r.recovery.seconds]));
    expect(seconds.bitcoin).toBeGreaterThan(seconds.asert!);
    expect(seconds.bitcoin).toBeGreaterThan(seconds.lwma!);
  });

  it('reads a CSV hashrate series', () => {
    const dir = mkdtempSync(join(tmpdir(), 'powlab-sim-'));
    const file = join(dir, 'hashrate.csv');
    writeFileSync(file, 'day,hashrate\n0,800 EH/s\n5,400 EH/s\n');
    const { status, value } = json('simulate', 'difficulty', '--scenario', 'csv', '--file', file, '--blocks', '3000');
    expect(status).toBe(0);
    expect(value.scenario).toEqual({ kind: 'series', points: [{ days: 0, hashrate: 8e20 }, { days: 5, hashrate: 4e20 }] });
    writeFileSync(file, '0,800 EH/s\n5,lots\n');
    refused(['simulate', 'difficulty', '--scenario', 'csv', '--file', file], /--file line 2/);
    refused(['simulate', 'difficulty', '--scenario', 'csv', '--file', join(dir, 'missing.csv')], /--file: cannot read/);
  });

  it('names an inherited property given as a scenario unknown, not a scenario', () => {
    for (const kind of ['toString', '__proto__', 'constructor', 'series']) {
      refused(['simulate', 'difficulty', '--scenario', kind], /--scenario: unknown scenario/);
    }
  });

  it.each([
    [['simulate'], /say what to simulate/],
    [['simulate', 'weather'], /unknown simulation "weather"/],
    [['simulate', 'difficulty', '--algorithm', 'eth'], /--algorithm: unknown algorithm "eth"/],
    [['simulate', 'difficulty', '--scenario', 'wobble'], /--scenario: unknown scenario "wobble"/],
    [['simulate', 'difficulty', '--blocks', '0'], /--blocks: 0 is outside/],
    [['simulate', 'difficulty', '--seed', '-1'], /--seed/],
    [['simulate', 'difficulty', '--hashrate', 'fast'], /--hashrate: expected a hashrate/],
    [['simulate', 'difficulty', '--scenario', 'drop', '--factor', '0'], /--factor: must be above 0/],
    [['simulate', 'difficulty', '--scenario', 'drop', '--factor', '-2'], /--factor/],
    [['simulate', 'difficulty', '--scenario', 'ramp', '--days', '0'], /--days/],
    [['simulate', 'difficulty', '--scenario', 'oscillation', '--duty', '1'], /--duty/],
    [['simulate', 'difficulty', '--scenario', 'constant', '--factor', '0.5'], /--factor: does not apply to --scenario constant/],
    [['simulate', 'difficulty', '--scenario', 'csv'], /--file: is required/],
  ])('refuses %j', (args, message) => refused(args as string[], message));
});
