// URL-driven mining runs, so scripts and tests can drive both backends:
//   /?mine=run&header=<160 hex>&start=N&count=M[&bits=0x..|&target=<64 hex>][&share=<64 hex>]
//     [&backend=wasm|webgpu][&threads=T]
// The search as `powlab mine` makes it: nonces start .. start+count-1 in order, the first whose
// SHA-256d is <= the target (by default the header's own nBits). Every parameter is checked; a bad one
// is named in an inline error and nothing runs.

import { parseHeaderHex } from '../../../model/header.js';
import { checkBits, parseBits, parseTargetHex } from '../../../model/target.js';
import { messageOf } from '../../../model/validate.js';

const MAX_NONCE = 0xffffffff;
// As `powlab mine`: a target easier than mainnet's powLimit is allowed, only unusable nBits are not.
const ANY_TARGET = (1n << 256n) - 1n;

export type Backend = 'wasm' | 'webgpu';

export interface MineUrlRun {
  header: Uint8Array;
  start: number;
  count: number;
  target: bigint;
  shareTarget: bigint | undefined;
  backend: Backend;
  threads: number;
}

export type MineUrlParse = { kind: 'none' } | { kind: 'run'; run: MineUrlRun } | { kind: 'invalid'; problems: string[] };

function integer(value: string, name: string, min: number, max: number, problems: string[]): number | undefined {
  const n = /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    problems.push(`${name}=${value}: must be a whole number from ${min} to ${max}.`);
    return undefined;
  }
  return n;
}

function attempt<T>(problems: string[], name: string, value: string, read: () => T): T | undefined {
  try {
    return read();
  } catch (error) {
    problems.push(`${name}=${value}: ${messageOf(error).replace(/^[^:]*: /, '')}.`);
    return undefined;
  }
}

/** Reads the page's query string; `cores` bounds the thread count. */
export function parseMineUrl(search: string, cores: number): MineUrlParse {
  const params = new URLSearchParams(search);
  const mine = params.get('mine');
  if (mine === null) return { kind: 'none' };
  const problems: string[] = [];
  if (mine !== 'run') problems.push(`mine=${mine}: the only action is mine=run.`);
  const known = new Set(['mine', 'header', 'start', 'count', 'bits', 'target', 'share', 'backend', 'threads']);
  for (const name of params.keys()) if (!known.has(name)) problems.push(`${name}: not a parameter of a mining run (${[...known].join(', ')}).`);

  const headerText = params.get('header');
  const header = headerText === null
    ? (problems.push('header: missing; give the 80-byte header as 160 hex digits.'), undefined)
    : attempt(problems, 'header', headerText, () => parseHeaderHex(headerText.trim(), 'header'));
  const startText = params.get('start');
  const start = startText === null ? 0 : integer(startText, 'start', 0, MAX_NONCE, problems);
  const countText = params.get('count');
  let count = countText === null ? (start === undefined ? undefined : MAX_NONCE - start + 1) : integer(countText, 'count', 1, 2 ** 32, problems);
  if (start !== undefined && count !== undefined && start + count - 1 > MAX_NONCE) {
    problems.push(`count=${count}: start ${start} + count ${count} passes the last nonce ${MAX_NONCE}.`);
    count = undefined;
  }

  const bitsText = params.get('bits');
  const targetText = params.get('target');
  let target: bigint | undefined;
  if (bitsText !== null && targetText !== null) problems.push('bits and target: give one of them, not both.');
  else if (bitsText !== null) target = attempt(problems, 'bits', bitsText, () => checkBits(parseBits(bitsText.trim(), 'bits'), 'bits', ANY_TARGET));
  else if (targetText !== null) {
    target = attempt(problems, 'target', targetText, () => parseTargetHex(targetText.trim(), 'target'));
    if (target === 0n) {
      problems.push(`target=${targetText}: zero, so no hash can meet it.`);
      target = undefined;
    }
  } else if (header) {
    const ownBits = new DataView(header.buffer, header.byteOffset).getUint32(72, true);
    target = attempt(problems, 'header', headerText!, () => checkBits(ownBits, 'header', ANY_TARGET));
  }
  const shareText = params.get('share');
  const shareTarget = shareText === null ? undefined : attempt(problems, 'share', shareText, () => parseTargetHex(shareText.trim(), 'share'));

  const backendText = params.get('backend') ?? 'wasm';
  let backend: Backend | undefined;
  if (backendText === 'wasm' || backendText === 'webgpu') backend = backendText;
  else problems.push(`backend=${backendText}: use backend=wasm (the CPU's WebAssembly core) or backend=webgpu.`);
  const threadsText = params.get('threads');
  const threads = threadsText === null ? cores : integer(threadsText, 'threads', 1, cores, problems);

  if (problems.length > 0) return { kind: 'invalid', problems };
  return { kind: 'run', run: { header: header!, start: start!, count: count!, target: target!, shareTarget, backend: backend!, threads: threads! } };
}
