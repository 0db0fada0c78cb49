// The WebGPU kernel: WGSL text generated here, at module load, from one description of SHA-256d over
// an 80-byte header (no .wgsl file, so Vite and the CLI's tsc build import it alike).
//
// The generator writes every round out (fully unrolled) and evaluates each value at the earliest time
// it is known:
//   - literal: known now (round constants, padding, lengths, the second hash's initial state), folded
//     into one number in the text;
//   - job: known once the header is (the midstate, rounds 0..2 of the second block, every schedule term
//     that does not depend on the nonce), computed on the host by evaluating the same expression
//     (prepareJob) and passed in the job buffer as a "slot";
//   - nonce: computed by the kernel, one `let` per round value and a 16-word rolling schedule in named
//     variables (w0..w15, reassigned; no arrays, so no dynamic indexing and no bounds checks).
// The second hash stops at round 60: its e there, plus IV[7], is the hash's last state word, whose
// byte swap is the hash's 32 most significant bits as Bitcoin compares hashes (a little-endian 256-bit
// number). Only a nonce whose top word could be a solution or a share goes down the slow path, a plain
// looped SHA-256d with the full 256-bit compare; everything else is rejected on that word.
//
// The same expressions print as JavaScript (emitKernelJs) so unit tests check the generated rounds and
// the host's slots against a reference SHA-256d without a GPU.

import { IV, K, bigSigma0, bigSigma1, byteSwap, choose, compress, majority, smallSigma0, smallSigma1, wordAt } from './sha256-words.js';

/** Invocations per workgroup. */
export const WORKGROUP_SIZE = 64;
/** Consecutive nonces each invocation scans. */
export const NONCES_PER_INVOCATION = 8;
/** Nonces per workgroup: the unit of a best-hash record. */
export const NONCES_PER_WORKGROUP = WORKGROUP_SIZE * NONCES_PER_INVOCATION;
/** u32 words per workgroup record: its least top word, the index of the nonce with it, how many had it. */
export const RECORD_WORDS = 3;
/** u32 words of the result buffer (see RESULT). */
export const RESULT_WORDS = 4;

/** Word offsets in the result buffer, all written with atomics. */
export const RESULT = {
  /** Nonces in the dispatch whose hash is <= the target. */
  solutions: 0,
  /** Least index (nonce - start) among them; 0xffffffff when none. */
  firstSolution: 1,
  /** Nonces whose hash is <= the share target (full 256-bit compare). */
  shares: 2,
} as const;

/** Word offsets in the job buffer, before the generated slots. */
export const JOB = {
  midstate: 0,
  /** Header words 16..18 (end of the merkle root, time, nBits), big-endian as SHA-256 reads them. */
  tail: 8,
  /** Target as 8 limbs, most significant first (limb 0 compares against a hash's top word). */
  target: 11,
  share: 19,
  hasShare: 27,
  /** Top words at or below this go to the exact check: max(target limb 0, share limb 0 if shares). */
  threshold: 28,
  slots: 32,
} as const;

// ---- the expressions --------------------------------------------------------------------------------

type Fn = 'S0' | 'S1' | 's0' | 's1';
type Expr =
  | { k: 'lit'; v: number }
  | { k: 'in'; i: number } // job input: 0..7 midstate, 8..10 header words 16..18
  | { k: 'ref'; name: string } // a kernel local (nonce time)
  | { k: 'add'; xs: Expr[] }
  | { k: 'fn'; f: Fn; x: Expr }
  | { k: 'ch' | 'maj'; x: Expr; y: Expr; z: Expr }
  | { k: 'slot'; n: number }; // only after lowering

const FNS: Record<Fn, (x: number) => number> = { S0: bigSigma0, S1: bigSigma1, s0: smallSigma0, s1: smallSigma1 };

const lit = (v: number): Expr => ({ k: 'lit', v: v >>> 0 });

/** 0 literal, 1 job, 2 nonce. */
function time(e: Expr): number {
  switch (e.k) {
    case 'lit': return 0;
    case 'in': case 'slot': return 1;
    case 'ref': return 2;
    case 'add': return Math.max(...e.xs.map(time));
    case 'fn': return time(e.x);
    default: return Math.max(time(e.x), time(e.y), time(e.z));
  }
}

function add(...xs: Expr[]): Expr {
  let c = 0;
  const terms: Expr[] = [];
  for (const x of xs) {
    for (const t of x.k === 'add' ? x.xs : [x]) {
      if (t.k === 'lit') c = (c + t.v) >>> 0;
      else terms.push(t);
    }
  }
  if (terms.length === 0) return lit(c);
  if (c !== 0) terms.push(lit(c));
  return terms.length === 1 ? terms[0]! : { k: 'add', xs: terms };
}

function fn(f: Fn, x: Expr): Expr {
  return x.k === 'lit' ? lit(FNS[f](x.v)) : { k: 'fn', f, x };
}

function tri(k: 'ch' | 'maj', x: Expr, y: Expr, z: Expr): Expr {
  if (x.k === 'lit' && y.k === 'lit' && z.k === 'lit') return lit((k === 'ch' ? choose : majority)(x.v, y.v, z.v));
  return { k, x, y, z };
}

// ---- the program: statements over kernel locals, job slots ------------------------------------------

interface Statement {
  name: string;
  /** The rolling schedule variable this value lives in, if it is a schedule word. */
  rolling?: string;
  expr: Expr; // lowered: job-time parts are slots
}

class Program {
  readonly statements: Statement[] = [];
  /** Job-time expressions the host evaluates, by slot number. */
  readonly slots: Expr[] = [];
  private readonly slotOf = new Map<Expr, number>();

  private slot(e: Expr): Expr {
    let n = this.slotOf.get(e);
    if (n === undefined) {
      n = this.slots.length;
      this.slots.push(e);
      this.slotOf.set(e, n);
    }
    return { k: 'slot', n };
  }

  /** Replaces every maximal job-time part of a nonce-time expression by a slot. */
  lower(e: Expr): Expr {
    const t = time(e);
    if (t === 0) return e;
    if (t === 1) return this.slot(e);
    switch (e.k) {
      case 'ref': return e;
      case 'add': {
        const job = e.xs.filter((x) => time(x) <= 1);
        const rest = e.xs.filter((x) => time(x) === 2).map((x) => this.lower(x));
        const jobPart = job.length === 0 ? [] : [this.lower(add(...job))];
        return { k: 'add', xs: [...rest, ...jobPart] };
      }
      case 'fn': return { k: 'fn', f: e.f, x: this.lower(e.x) };
      case 'ch': case 'maj': return { k: e.k, x: this.lower(e.x), y: this.lower(e.y), z: this.lower(e.z) };
      default: throw new Error(`cannot lower ${e.k}`);
    }
  }

  /** A nonce-time value becomes a named local; a literal or job value stays an expression. */
  bind(name: string, e: Expr, rolling?: string): Expr {
    if (time(e) < 2) return e;
    this.statements.push({ name, expr: this.lower(e), ...(rolling ? { rolling } : {}) });
    return { k: 'ref', name };
  }
}

type State = [Expr, Expr, Expr, Expr, Expr, Expr, Expr, Expr];

/**
 * Rounds `from`..`to` of one SHA-256 block over `w` (16 message words, extended in place to 64),
 * starting from `state`; names are prefixed with `p`. Returns the state after round `to`.
 */
function rounds(prog: Program, p: string, state: State, w: Expr[], from: number, to: number): State {
  let [a, b, c, d, e, f, g, h] = state;
  for (let i = from; i <= to; i++) {
    if (i >= 16 && w[i] === undefined) {
      w[i] = prog.bind(`${p}w${i}`, add(fn('s1', w[i - 2]!), w[i - 7]!, fn('s0', w[i - 15]!), w[i - 16]!), `${p}w${i % 16}`);
    }
    const t1 = prog.bind(`${p}t${i}`, add(h, fn('S1', e), tri('ch', e, f, g), lit(K[i]!), w[i]!));
    const t2 = add(fn('S0', a), tri('maj', a, b, c));
    const na = prog.bind(`${p}a${i}`, add(t1, t2));
    const ne = prog.bind(`${p}e${i}`, add(d, t1));
    [a, b, c, d, e, f, g, h] = [na, a, b, c, ne, e, f, g];
  }
  return [a, b, c, d, e, f, g, h];
}

/** The whole per-nonce program: the nonce word w3 in, the hash's last state word (before its swap) out. */
function buildProgram(): { prog: Program; out: string } {
  const prog = new Program();
  const input = (i: number): Expr => ({ k: 'in', i });
  // First hash, second block: header words 16..18, the nonce, padding, zeros, the length in bits.
  const mid = [0, 1, 2, 3, 4, 5, 6, 7].map(input) as State;
  const w: Expr[] = [input(8), input(9), input(10), { k: 'ref', name: 'pw3' }, lit(0x80000000)];
  for (let i = 5; i < 15; i++) w.push(lit(0));
  w.push(lit(80 * 8));
  const s1 = rounds(prog, 'p', mid, w, 0, 63);
  // Second hash: the first hash (midstate + state), padding, zeros, 256 bits.
  const x: Expr[] = [];
  for (let i = 0; i < 8; i++) x.push(prog.bind(`qw${i}`, add(mid[i]!, s1[i]!), `qw${i}`));
  x.push(lit(0x80000000));
  for (let i = 9; i < 15; i++) x.push(lit(0));
  x.push(lit(32 * 8));
  const s2 = rounds(prog, 'q', IV.map(lit) as State, x, 0, 60);
  // After round 63, h would hold e of round 60: the last state word is IV[7] + that.
  prog.bind('last', add(s2[4], lit(IV[7]!)));
  eliminateDeadCode(prog, 'last');
  return { prog, out: 'last' };
}

function refsOf(e: Expr, into: Set<string>): void {
  switch (e.k) {
    case 'ref': into.add(e.name); return;
    case 'add': for (const x of e.xs) refsOf(x, into); return;
    case 'fn': refsOf(e.x, into); return;
    case 'ch': case 'maj': refsOf(e.x, into); refsOf(e.y, into); refsOf(e.z, into); return;
    default: return;
  }
}

/** Drops statements nothing needs (rounds 57..60's a of the second hash, and so on). */
function eliminateDeadCode(prog: Program, out: string): void {
  const live = new Set([out]);
  const kept: Statement[] = [];
  for (let i = prog.statements.length - 1; i >= 0; i--) {
    const s = prog.statements[i]!;
    if (!live.has(s.name)) continue;
    refsOf(s.expr, live);
    kept.push(s);
  }
  prog.statements.splice(0, prog.statements.length, ...kept.reverse());
}

// ---- printing ---------------------------------------------------------------------------------------

/** Maps SSA names to the names printed: schedule words to their rolling variable. */
function namer(prog: Program): (name: string) => string {
  const map = new Map<string, string>();
  for (const s of prog.statements) if (s.rolling) map.set(s.name, s.rolling);
  map.set('pw3', 'pw3');
  return (name) => map.get(name) ?? name;
}

function printWgsl(e: Expr, name: (n: string) => string): string {
  switch (e.k) {
    case 'lit': return `0x${e.v.toString(16)}u`;
    case 'slot': return `j${e.n}`;
    case 'ref': return name(e.name);
    case 'add': return `(${e.xs.map((x) => printWgsl(x, name)).join(' + ')})`;
    case 'fn': return `${e.f}(${printWgsl(e.x, name)})`;
    case 'ch': case 'maj': return `${e.k}(${printWgsl(e.x, name)}, ${printWgsl(e.y, name)}, ${printWgsl(e.z, name)})`;
    default: throw new Error(`unlowered ${e.k}`);
  }
}

function printJs(e: Expr, name: (n: string) => string): string {
  switch (e.k) {
    case 'lit': return String(e.v);
    case 'slot': return `j[${e.n}]`;
    case 'ref': return name(e.name);
    case 'add': return `((${e.xs.map((x) => printJs(x, name)).join(' + ')}) >>> 0)`;
    case 'fn': return `${e.f}(${printJs(e.x, name)})`;
    case 'ch': case 'maj': return `${e.k}(${printJs(e.x, name)}, ${printJs(e.y, name)}, ${printJs(e.z, name)})`;
    default: throw new Error(`unlowered ${e.k}`);
  }
}

/** The statements, rolling variables declared at their first assignment. */
function printBody(prog: Program, printer: (e: Expr, name: (n: string) => string) => string, decl: { let: string; var: string }, indent: string): string {
  const name = namer(prog);
  const declared = new Set<string>(['pw3']);
  const lines: string[] = [];
  for (const s of prog.statements) {
    const target = name(s.name);
    const value = printer(s.expr, name);
    if (s.rolling && declared.has(target)) lines.push(`${indent}${target} = ${value};`);
    else {
      lines.push(`${indent}${s.rolling ? decl.var : decl.let} ${target} = ${value};`);
      declared.add(target);
    }
  }
  return lines.join('\n');
}

const { prog: PROGRAM, out: OUT } = buildProgram();

/** Generated job slots: job buffer words JOB.slots .. JOB.slots + SLOT_COUNT - 1. */
export const SLOT_COUNT = PROGRAM.slots.length;
/** u32 words of the job buffer. */
export const JOB_WORDS = JOB.slots + SLOT_COUNT;

// ---- the host's side: the job buffer ----------------------------------------------------------------

function evaluate(e: Expr, inputs: readonly number[], memo: Map<Expr, number>): number {
  const known = memo.get(e);
  if (known !== undefined) return known;
  let v: number;
  switch (e.k) {
    case 'lit': v = e.v; break;
    case 'in': v = inputs[e.i]!; break;
    case 'add': v = e.xs.reduce((s, x) => (s + evaluate(x, inputs, memo)) >>> 0, 0); break;
    case 'fn': v = FNS[e.f](evaluate(e.x, inputs, memo)); break;
    case 'ch': v = choose(evaluate(e.x, inputs, memo), evaluate(e.y, inputs, memo), evaluate(e.z, inputs, memo)); break;
    case 'maj': v = majority(evaluate(e.x, inputs, memo), evaluate(e.y, inputs, memo), evaluate(e.z, inputs, memo)); break;
    default: throw new Error(`not a job-time expression: ${e.k}`);
  }
  memo.set(e, v);
  return v;
}

/** A 32-byte little-endian number (a target, as hashes compare) as 8 limbs, most significant first. */
export function limbs(target: Uint8Array): number[] {
  const out: number[] = [];
  for (let i = 7; i >= 0; i--) out.push(byteSwap(wordAt(target, i)));
  return out;
}

/**
 * The job buffer for one header and target: the midstate, the header's tail words, the targets as
 * limbs, and every generated slot evaluated. The header's nonce field is ignored.
 */
export function prepareJob(header: Uint8Array, target: Uint8Array, shareTarget?: Uint8Array): Uint32Array {
  const first = [];
  for (let i = 0; i < 16; i++) first.push(wordAt(header, i));
  const mid = compress(IV, first);
  const inputs = [...mid, wordAt(header, 16), wordAt(header, 17), wordAt(header, 18)];
  const job = new Uint32Array(JOB_WORDS);
  job.set(inputs, JOB.midstate);
  const t = limbs(target);
  job.set(t, JOB.target);
  const s = shareTarget ? limbs(shareTarget) : new Array<number>(8).fill(0);
  job.set(s, JOB.share);
  job[JOB.hasShare] = shareTarget ? 1 : 0;
  job[JOB.threshold] = shareTarget ? Math.max(t[0]!, s[0]!) : t[0]!;
  const memo = new Map<Expr, number>();
  PROGRAM.slots.forEach((e, n) => (job[JOB.slots + n] = evaluate(e, inputs, memo)));
  return job;
}

// ---- the WGSL ---------------------------------------------------------------------------------------

const hex = (v: number) => `0x${(v >>> 0).toString(16).padStart(8, '0')}u`;

const slotLets = PROGRAM.slots.map((_, n) => `  let j${n} = job[${JOB.slots + n}];`).join('\n');

/** The compute shader: entry point `main`, bindings 0 job, 1 params, 2 result, 3 records. */
export const KERNEL_WGSL = `// Generated by src/engine/gpu/kernel.ts at load; do not edit the text, edit the generator.
// SHA-256d nonce scan over an 80-byte header. Bindings: 0 job (per-job words, host-computed),
// 1 params (first nonce and count of this dispatch), 2 result (atomics), 3 one record per workgroup.

struct Params { start: u32, count: u32, spare0: u32, spare1: u32 }

@group(0) @binding(0) var<storage, read> job: array<u32, ${JOB_WORDS}>;
@group(0) @binding(1) var<uniform> params: Params;
@group(0) @binding(2) var<storage, read_write> result: array<atomic<u32>, ${RESULT_WORDS}>;
@group(0) @binding(3) var<storage, read_write> records: array<u32>;

var<workgroup> wgNotTop: atomic<u32>;
var<workgroup> wgNotIndex: atomic<u32>;
var<workgroup> wgHolders: atomic<u32>;

var<private> KT: array<u32, 64> = array<u32, 64>(
${K.map(hex).join(', ')});

// Rotations as constant shifts: WGSL has no rotate.
fn S0(x: u32) -> u32 { return ((x >> 2u) | (x << 30u)) ^ ((x >> 13u) | (x << 19u)) ^ ((x >> 22u) | (x << 10u)); }
fn S1(x: u32) -> u32 { return ((x >> 6u) | (x << 26u)) ^ ((x >> 11u) | (x << 21u)) ^ ((x >> 25u) | (x << 7u)); }
fn s0(x: u32) -> u32 { return ((x >> 7u) | (x << 25u)) ^ ((x >> 18u) | (x << 14u)) ^ (x >> 3u); }
fn s1(x: u32) -> u32 { return ((x >> 17u) | (x << 15u)) ^ ((x >> 19u) | (x << 13u)) ^ (x >> 10u); }
fn ch(e: u32, f: u32, g: u32) -> u32 { return ((f ^ g) & e) ^ g; }
fn maj(a: u32, b: u32, c: u32) -> u32 { return (a & b) | (c & (a | b)); }
fn bswap(x: u32) -> u32 { return (x << 24u) | ((x << 8u) & 0x00ff0000u) | ((x >> 8u) & 0x0000ff00u) | (x >> 24u); }

// The slow path, for the few nonces whose top word passes: plain SHA-256, looped.
fn compress(init: array<u32, 8>, block: array<u32, 16>) -> array<u32, 8> {
  var w: array<u32, 64>;
  for (var i = 0u; i < 16u; i++) { w[i] = block[i]; }
  for (var i = 16u; i < 64u; i++) { w[i] = s1(w[i - 2u]) + w[i - 7u] + s0(w[i - 15u]) + w[i - 16u]; }
  var a = init[0]; var b = init[1]; var c = init[2]; var d = init[3];
  var e = init[4]; var f = init[5]; var g = init[6]; var h = init[7];
  for (var i = 0u; i < 64u; i++) {
    let t1 = h + S1(e) + ch(e, f, g) + KT[i] + w[i];
    let t2 = S0(a) + maj(a, b, c);
    h = g; g = f; f = e; e = d + t1; d = c; c = b; b = a; a = t1 + t2;
  }
  return array<u32, 8>(init[0] + a, init[1] + b, init[2] + c, init[3] + d, init[4] + e, init[5] + f, init[6] + g, init[7] + h);
}

fn fullHash(nonce: u32) -> array<u32, 8> {
  let mid = array<u32, 8>(job[0], job[1], job[2], job[3], job[4], job[5], job[6], job[7]);
  let first = compress(mid, array<u32, 16>(job[${JOB.tail}], job[${JOB.tail + 1}], job[${JOB.tail + 2}], bswap(nonce), 0x80000000u,
    0u, 0u, 0u, 0u, 0u, 0u, 0u, 0u, 0u, 0u, ${80 * 8}u));
  let iv = array<u32, 8>(${IV.map(hex).join(', ')});
  return compress(iv, array<u32, 16>(first[0], first[1], first[2], first[3], first[4], first[5], first[6], first[7],
    0x80000000u, 0u, 0u, 0u, 0u, 0u, 0u, ${32 * 8}u));
}

// hash <= the 8 limbs at job[base..base+8], both read as Bitcoin compares: most significant limb first.
fn atMost(hash: array<u32, 8>, base: u32) -> bool {
  for (var i = 0u; i < 8u; i++) {
    let x = bswap(hash[7u - i]);
    let l = job[base + i];
    if (x != l) { return x < l; }
  }
  return true;
}

// Decides exactly whether nonce (index idx in the dispatch) is a share and a solution.
fn check(idx: u32, nonce: u32, top: u32) {
  var full: array<u32, 8>;
  var haveFull = false;
  if (job[${JOB.hasShare}] != 0u && top <= job[${JOB.share}]) {
    var isShare = top < job[${JOB.share}];
    if (!isShare) { full = fullHash(nonce); haveFull = true; isShare = atMost(full, ${JOB.share}u); }
    if (isShare) { atomicAdd(&result[${RESULT.shares}], 1u); }
  }
  if (top <= job[${JOB.target}]) {
    var isSolution = top < job[${JOB.target}];
    if (!isSolution) {
      if (!haveFull) { full = fullHash(nonce); }
      isSolution = atMost(full, ${JOB.target}u);
    }
    if (isSolution) {
      atomicAdd(&result[${RESULT.solutions}], 1u);
      atomicMin(&result[${RESULT.firstSolution}], idx);
    }
  }
}

@compute @workgroup_size(${WORKGROUP_SIZE})
fn main(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(local_invocation_index) lid: u32,
        @builtin(workgroup_id) wid: vec3<u32>) {
${slotLets}
  let threshold = job[${JOB.threshold}];
  let first = gid.x * ${NONCES_PER_INVOCATION}u;
  var bestTop = 0xffffffffu;
  var bestIndex = 0u;
  var tied = 0u;
  var scanned = false;
  for (var k = 0u; k < ${NONCES_PER_INVOCATION}u; k++) {
    let idx = first + k;
    if (idx >= params.count) { break; }
    let nonce = params.start + idx;
    var pw3 = bswap(nonce);
${printBody(PROGRAM, printWgsl, { let: 'let', var: 'var' }, '    ')}
    let top = bswap(${OUT});
    if (!scanned || top < bestTop) { bestTop = top; bestIndex = idx; tied = 0u; scanned = true; }
    else if (top == bestTop) { tied = 1u; }
    if (top <= threshold) { check(idx, nonce, top); }
  }
  // The workgroup's least top word, the least index holding it, and how many nonces hold it (more
  // than one: the host decides between them exactly). Zero-initialised, hence the complements.
  if (scanned) { atomicMax(&wgNotTop, ~bestTop); }
  workgroupBarrier();
  let least = ~atomicLoad(&wgNotTop);
  if (scanned && bestTop == least) {
    atomicAdd(&wgHolders, 1u + tied);
    atomicMax(&wgNotIndex, ~bestIndex);
  }
  workgroupBarrier();
  if (lid == 0u) {
    let r = wid.x * ${RECORD_WORDS}u;
    records[r] = least;
    records[r + 1u] = ~atomicLoad(&wgNotIndex);
    records[r + 2u] = atomicLoad(&wgHolders);
  }
}
`;

/**
 * For tests: the generated rounds as the body of a JavaScript function `(j, nonce) => top word`, where
 * `j` is the job buffer's slots (prepareJob(...).subarray(JOB.slots)) and the result is the hash's
 * 32 most significant bits as Bitcoin compares hashes. Needs S0, S1, s0, s1, ch, maj and bswap in scope.
 */
export function emitKernelJs(): string {
  return `let pw3 = bswap(nonce);\n${printBody(PROGRAM, printJs, { let: 'let', var: 'let' }, '')}\nreturn bswap(${OUT});`;
}
