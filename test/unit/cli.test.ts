// The powlab command, run as a user runs it (node bin/powlab.js over the compiled dist/).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EVIDENCE } from './evidence-fixture.js';

const bin = new URL('../../bin/powlab.js', import.meta.url).pathname;
const GENESIS_HEX =
  '0100000000000000000000000000000000000000000000000000000000000000000000003ba3edfd7a7b12b27ac72c3e67768f617fc81bc3888a51323a9fb8aa4b1e5e4a29ab5f49ffff001d1dac2b7c';
const GENESIS_NONCE = 2083236893;
const GENESIS_HASH = '000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f';

function powlab(...args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function json(...args: string[]) {
  const r = powlab(...args, '--json');
  expect(r.stderr).toBe('');
  return { status: r.status, value: JSON.parse(r.stdout) as Record<string, unknown> };
}

describe('powlab hash', () => {
  it('hashes hex, the empty message, and a file, once or twice', () => {
    expect(powlab('hash', '616263').stdout.trim()).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(powlab('hash', '').stdout.trim()).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    const dir = mkdtempSync(join(tmpdir(), 'powlab-'));
    const data = Buffer.alloc(100_000, 7);
    writeFileSync(join(dir, 'data.bin'), data);
    const once = createHash('sha256').update(data).digest();
    expect(json('hash', '--file', join(dir, 'data.bin')).value).toEqual({ algorithm: 'sha256', bytes: 100_000, digest: once.toString('hex') });
    expect(powlab('hash', '--double', '--file', join(dir, 'data.bin')).stdout.trim()).toBe(createHash('sha256').update(once).digest('hex'));
  });
});

describe('powlab header', () => {
  it('decodes and checks the genesis header', () => {
    const { status, value } = json('header', GENESIS_HEX);
    expect(status).toBe(0);
    expect(value).toEqual({
      hash: GENESIS_HASH,
      version: 1,
      prevHash: '0'.repeat(64),
      merkleRoot: '4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b',
      time: 1231006505,
      bits: '0x1d00ffff',
      nonce: GENESIS_NONCE,
      target: '00000000ffff0000000000000000000000000000000000000000000000000000',
      difficulty: 1,
      valid: true,
    });
  });

  it('says invalid when the nonce is changed', () => {
    const tampered = GENESIS_HEX.slice(0, 152) + '00000000';
    expect(json('header', tampered).value.valid).toBe(false);
  });
});

describe('powlab mine', () => {
  it('finds the genesis nonce from 1000 below, on 1 and 2 threads', () => {
    for (const threads of ['1', '2']) {
      const { status, value } = json('mine', '--header', GENESIS_HEX, '--start', String(GENESIS_NONCE - 1000), '--count', '2000', '--threads', threads);
      expect(status).toBe(0);
      expect(value).toMatchObject({ found: true, nonce: GENESIS_NONCE, hash: GENESIS_HASH, hashes: 1001 });
      expect(typeof value.seconds).toBe('number');
    }
  });

  it('exits 1 with found: false for a range without a solution', () => {
    const { status, value } = json('mine', '--header', GENESIS_HEX, '--start', String(GENESIS_NONCE - 1000), '--count', '1000', '--threads', '2');
    expect(status).toBe(1);
    expect(value).toMatchObject({ found: false, hashes: 1000 });
  });

  it('takes an easier target as --bits or --target', () => {
    // Target 2^248-1: about one hash in 256 meets it. Check the answer by brute force.
    const header = Buffer.from(GENESIS_HEX, 'hex');
    let expected = -1;
    for (let n = 0; expected < 0; n++) {
      header.writeUInt32LE(n, 76);
      const h = createHash('sha256').update(createHash('sha256').update(header).digest()).digest();
      if (h[31] === 0) expected = n;
    }
    const viaTarget = json('mine', '--header', GENESIS_HEX, '--count', '100000', '--target', '00' + 'f'.repeat(62));
    expect(viaTarget.value).toMatchObject({ found: true, nonce: expected });
    // nBits 0x2000ffff: target 0xffff × 256^(0x20 - 3), a hash read as a little-endian integer must not exceed it.
    const bitsTarget = 0xffffn << (8n * (0x20n - 3n));
    let expectedBits = -1;
    for (let n = 0; expectedBits < 0; n++) {
      header.writeUInt32LE(n, 76);
      const h = createHash('sha256').update(createHash('sha256').update(header).digest()).digest();
      if (BigInt(`0x${Buffer.from(h).reverse().toString('hex')}`) <= bitsTarget) expectedBits = n;
    }
    const viaBits = json('mine', '--header', GENESIS_HEX, '--count', '100000', '--bits', '0x2000ffff');
    expect(viaBits.status).toBe(0);
    expect(viaBits.value).toMatchObject({ found: true, nonce: expectedBits });
  });
});

describe('powlab target', () => {
  it('decodes nBits as Core does', () => {
    expect(json('target', '--bits', '0x1d00ffff').value).toEqual({
      bits: '0x1d00ffff',
      target: '00000000ffff0000000000000000000000000000000000000000000000000000',
      difficulty: 1,
      negative: false,
      overflow: false,
    });
  });

  it('encodes a target to nBits', () => {
    const { value } = json('target', '--target', '00000000ffff0000000000000000000000000000000000000000000000000000');
    expect(value).toMatchObject({ bits: '0x1d00ffff', difficulty: 1 });
  });
});

describe('a core that fails its self-test', () => {
  // A copy of the built CLI whose wasm has one byte of SHA-256's first round constant K[0] changed.
  function brokenInstall(): string {
    const root = new URL('../../', import.meta.url).pathname;
    const dir = mkdtempSync(join(tmpdir(), 'powlab-broken-'));
    for (const part of ['bin', 'dist', 'package.json']) cpSync(join(root, part), join(dir, part), { recursive: true });
    symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
    mkdirSync(join(dir, 'build', 'wasm'), { recursive: true });
    for (const name of ['pow.wasm', 'pow.simd.wasm']) {
      const body = readFileSync(join(root, 'build', 'wasm', name));
      const k0 = body.indexOf(Buffer.from('982f8a42', 'hex'));
      expect(k0, name).toBeGreaterThan(0);
      body[k0] = 0x99;
      writeFileSync(join(dir, 'build', 'wasm', name), body);
    }
    return dir;
  }

  it('makes powlab bench and powlab mine exit 3 with the reason, and report no figure', () => {
    const dir = brokenInstall();
    for (const args of [['bench', '--seconds', '0.5', '--threads', '1'], ['mine', '--header', GENESIS_HEX, '--start', String(GENESIS_NONCE - 10), '--count', '20']]) {
      const r = spawnSync(process.execPath, [join(dir, 'bin', 'powlab.js'), ...args, '--json'], { encoding: 'utf8', timeout: 60_000 });
      expect(r.status, args[0]).toBe(3);
      expect(r.stdout, args[0]).toBe('');
      expect(r.stderr, args[0]).toMatch(/self-test/);
    }
  });
});

describe('powlab bench', () => {
  it('verifies the core, records what it found as evidence, then reports windows and a median', () => {
    const { status, value } = json('bench', '--seconds', '0.6', '--warmup', '0.2', '--threads', '2');
    expect(status).toBe(0);
    expect(value).toMatchObject({ threads: 2, simd: true });
    expect(value).not.toHaveProperty('verified');
    const wasm = readFileSync(new URL('../../build/wasm/pow.simd.wasm', import.meta.url));
    expect(value.evidence).toEqual({
      core: { build: 'simd', lanes: 4, wasmSha256: createHash('sha256').update(wasm).digest('hex') },
      knownAnswer: EVIDENCE.knownAnswer,
      checksum: EVIDENCE.checksum,
    });
    const windows = value.windows as number[];
    expect(windows.length).toBe(3);
    expect((value.perThread as number[]).length).toBe(2);
    const sorted = [...windows].sort((a, b) => a - b);
    expect(value.hashrate).toBe(sorted[1]);
    expect(value.hashrate as number).toBeGreaterThan(0);
  });
});

describe('bad input: one line on stderr naming the argument, exit 2', () => {
  const cases: [string, string[], RegExp][] = [
    ['odd hex', ['hash', 'abc'], /hex: odd number/],
    ['invalid hex', ['hash', 'zz'], /hex: not hex/],
    ['"0x" alone', ['hash', '0x'], /hex: "0x" with no digits/],
    ['hashrate too large for a double', ['simulate', 'difficulty', '--hashrate', '1e400'], /--hashrate: must be at most 1e\+27, got "1e400"/],
    ['reward past any chain', ['payouts', '--scheme', 'prop', '--hashrate', '1e12', '--pool-hashrate', '1e15', '--difficulty', '1e6', '--reward', '1e300'], /--reward: expected a block subsidy of at most/],
    ['period past 100 years', ['payouts', '--scheme', 'pps', '--hashrate', '1e12', '--pool-hashrate', '1e15', '--difficulty', '1e6', '--reward', '1', '--days', '1e300'], /--days: expected a period of at most 100 years/],
    ['share difficulty below 2^-32', ['payouts', '--scheme', 'pps', '--hashrate', '1e12', '--pool-hashrate', '1e15', '--difficulty', '1e6', '--reward', '1', '--share-difficulty', '1e-300'], /--share-difficulty: expected a share difficulty of at least/],
    ['difficulty past a target of 1', ['profit', '--hashrate', '1e12', '--watts', '1', '--electricity', '0', '--difficulty', '1e300', '--reward', '1', '--price', '1'], /--difficulty: expected a difficulty from/],
    ['missing file', ['hash', '--file', '/nonexistent/x'], /--file: cannot read/],
    ['short header', ['header', GENESIS_HEX.slice(2)], /header: expected 160 hex digits/],
    ['long header', ['mine', '--header', GENESIS_HEX + '00'], /--header: expected 160 hex digits/],
    ['start beyond 2^32-1', ['mine', '--header', GENESIS_HEX, '--start', '4294967296'], /--start: .*outside/],
    ['negative start', ['mine', '--header', GENESIS_HEX, '--start=-1'], /--start: .*outside/],
    ['negative start as a separate word', ['mine', '--header', GENESIS_HEX, '--start', '-1'], /--start: .*outside/],
    ['negative threads as a separate word', ['bench', '--threads', '-2'], /--threads: .*outside/],
    ['count 0', ['mine', '--header', GENESIS_HEX, '--count', '0'], /--count: .*outside/],
    ['range past 2^32-1', ['mine', '--header', GENESIS_HEX, '--start', '4294967000', '--count', '1000'], /--count: .*passes the last nonce/],
    ['threads 0', ['mine', '--header', GENESIS_HEX, '--threads', '0'], /--threads: .*outside/],
    ['bench threads 0', ['bench', '--threads', '0'], /--threads: .*outside/],
    ['bench seconds not a number', ['bench', '--seconds', 'ten'], /--seconds: not a number/],
    ['negative nBits', ['mine', '--header', GENESIS_HEX, '--bits', '0x1d800000'], /--bits: .*negative/],
    ['zero nBits', ['mine', '--header', GENESIS_HEX, '--bits', '0x1d000000'], /--bits: .*zero/],
    ['overflowing nBits', ['mine', '--header', GENESIS_HEX, '--bits', '0xff123456'], /--bits: .*overflow/],
    ['nBits not hex', ['target', '--bits', '0xzz'], /--bits/],
    ['target of wrong length', ['target', '--target', 'ffff'], /--target/],
    ['unknown command', ['frobnicate'], /unknown command "frobnicate"/],
    ['unknown option', ['hash', '--triple', '00'], /--triple: unknown option/],
    ['option without value', ['mine', '--header'], /--header/],
  ];
  it.each(cases)('%s', (_name, args, message) => {
    const r = powlab(...args);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('reports a negative nBits in target output, then exits 2', () => {
    const r = powlab('target', '--bits', '0x01fedcba', '--json');
    expect(r.status).toBe(2);
    expect(JSON.parse(r.stdout)).toMatchObject({ negative: true, overflow: false });
    expect(r.stderr).toMatch(/--bits: 0x01fedcba has the sign bit set/);
  });
});

describe('--gpu (Node WebGPU through the optional webgpu package)', () => {
  // Where Node's WebGPU finds no adapter (this machine and CI: no Vulkan GPU), --gpu is refused as
  // input with one sentence, exit 2, and nothing on stdout; where one exists, the GPU finds the nonce.
  it('mine --gpu finds the genesis nonce, or exits 2 saying no adapter was found', () => {
    const r = powlab('mine', '--gpu', '--header', GENESIS_HEX, '--start', String(GENESIS_NONCE - 1000), '--count', '2000', '--json');
    if (r.status === 2) {
      expect(r.stdout).toBe('');
      const last = r.stderr.trim().split('\n').at(-1)!;
      expect(last).toMatch(/^powlab mine: --gpu: (no WebGPU adapter: Node's WebGPU \(Dawn, from the webgpu package\) found no GPU|WebGPU for Node is not available)/);
    } else {
      expect(r.status).toBe(0);
      const value = JSON.parse(r.stdout);
      expect(value).toMatchObject({ found: true, nonce: GENESIS_NONCE, hash: '000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f', backend: 'webgpu' });
      expect(value.hashes).toBe(1001);
    }
  });

  it('bench --gpu measures the GPU, or exits 2 saying no adapter was found', () => {
    const r = powlab('bench', '--gpu', '--seconds', '0.5', '--warmup', '0', '--json');
    if (r.status === 2) {
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n').at(-1)).toMatch(/^powlab bench: --gpu: /);
    } else {
      expect(r.status).toBe(0);
      const value = JSON.parse(r.stdout);
      expect(value.backend).toBe('webgpu');
      expect(value.hashrate).toBeGreaterThan(0);
      expect(typeof value.adapter.emulated).toBe('boolean');
      expect(value.evidence.checksum.value).toBe(EVIDENCE.checksum.value);
    }
  });
});
