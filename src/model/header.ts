// The 80-byte Bitcoin block header, in wire order (the bytes that are hashed).
//
// Every integer field is little-endian on the wire, and the two hashes are stored in the "internal"
// byte order SHA-256d produces. People (and block explorers, and Core's GetHex) show hashes reversed,
// so this module exchanges them as display-order hex and reverses at the boundary. All byte-order
// decisions live in LAYOUT and the two helpers under it.

import { bytesToHex, hexToBytes, InputError } from './validate.js';

export interface BlockHeader {
  /** nVersion. Core declares it int32; it is kept here as the uint32 of its four bytes. */
  version: number;
  /** Previous block hash, 64 hex digits in display order. */
  prevHash: string;
  /** Merkle root, 64 hex digits in display order. */
  merkleRoot: string;
  /** Unix seconds. */
  time: number;
  /** Compact target (nBits). */
  bits: number;
  nonce: number;
}

export const HEADER_SIZE = 80;

const LAYOUT = {
  version: 0,
  prevHash: 4,
  merkleRoot: 36,
  time: 68,
  bits: 72,
  nonce: 76,
} as const;

type IntField = 'version' | 'time' | 'bits' | 'nonce';
type HashField = 'prevHash' | 'merkleRoot';
const INT_FIELDS: readonly IntField[] = ['version', 'time', 'bits', 'nonce'];
const HASH_FIELDS: readonly HashField[] = ['prevHash', 'merkleRoot'];

const LITTLE_ENDIAN = true;

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function reversedHex(bytes: Uint8Array): string {
  return bytesToHex(Uint8Array.from(bytes).reverse());
}

function checkHeaderBytes(bytes: Uint8Array, field: string): Uint8Array {
  if (!(bytes instanceof Uint8Array) || bytes.length !== HEADER_SIZE) {
    const got = bytes instanceof Uint8Array ? `${bytes.length} bytes` : typeof bytes;
    throw new InputError(field, `a block header is ${HEADER_SIZE} bytes, got ${got}`);
  }
  return bytes;
}

function checkUint32(value: number, field: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 0xffffffff) {
    throw new InputError(field, `not a 32-bit unsigned integer: ${String(value)}`);
  }
  return value;
}

export function parseHeader(bytes: Uint8Array): BlockHeader {
  checkHeaderBytes(bytes, 'header');
  const v = view(bytes);
  const hash = (f: HashField): string => reversedHex(bytes.subarray(LAYOUT[f], LAYOUT[f] + 32));
  return {
    version: v.getUint32(LAYOUT.version, LITTLE_ENDIAN),
    prevHash: hash('prevHash'),
    merkleRoot: hash('merkleRoot'),
    time: v.getUint32(LAYOUT.time, LITTLE_ENDIAN),
    bits: v.getUint32(LAYOUT.bits, LITTLE_ENDIAN),
    nonce: v.getUint32(LAYOUT.nonce, LITTLE_ENDIAN),
  };
}

/** Exactly 160 hex digits (surrounding whitespace ignored) to the 80 header bytes. */
export function parseHeaderHex(hex: string, field = 'header'): Uint8Array {
  if (typeof hex !== 'string') throw new InputError(field, `expected ${HEADER_SIZE * 2} hex digits`);
  return hexToBytes(hex.trim(), field, HEADER_SIZE);
}

export function serializeHeader(h: BlockHeader): Uint8Array {
  if (typeof h !== 'object' || h === null) throw new InputError('header', 'expected a header object');
  const out = new Uint8Array(HEADER_SIZE);
  const v = view(out);
  for (const f of INT_FIELDS) v.setUint32(LAYOUT[f], checkUint32(h[f], f), LITTLE_ENDIAN);
  for (const f of HASH_FIELDS) {
    const text = h[f];
    if (typeof text !== 'string') throw new InputError(f, 'expected 64 hex digits');
    out.set(hexToBytes(text, f, 32).reverse(), LAYOUT[f]);
  }
  return out;
}

/** A copy of the header with the nonce replaced. */
export function withNonce(bytes: Uint8Array, nonce: number): Uint8Array {
  checkHeaderBytes(bytes, 'header');
  const out = Uint8Array.from(bytes);
  view(out).setUint32(LAYOUT.nonce, checkUint32(nonce, 'nonce'), LITTLE_ENDIAN);
  return out;
}

/** A raw 32-byte hash as block explorers show it: byte-reversed lowercase hex. */
export function hashToDisplayHex(hash: Uint8Array): string {
  if (!(hash instanceof Uint8Array) || hash.length !== 32) {
    throw new InputError('hash', `expected 32 bytes, got ${hash instanceof Uint8Array ? hash.length : typeof hash}`);
  }
  return reversedHex(hash);
}
