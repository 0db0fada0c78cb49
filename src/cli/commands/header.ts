import { instantiateCore } from '../../engine/core/core.js';
import { compileCore } from '../../engine/core/wasm-node.js';
import { hashToDisplayHex, parseHeader, parseHeaderHex } from '../../model/header.js';
import { checkProofOfWork, decodeCompact, difficultyFromBits, formatBits, targetToHex } from '../../model/target.js';
import { command, option } from '../spec.js';

export const headerCommand = command({
  name: 'header',
  summary: 'decode, hash and check an 80-byte block header',
  about: `Decodes an 80-byte block header (wire order), hashes it (SHA-256d) and checks its proof of work
against its own nBits as Bitcoin Core's CheckProofOfWork does.`,
  positionals: {
    header: option({
      value: '<160 hex digits>',
      describe: 'the header in wire order',
      required: 'missing: give the 80-byte header as 160 hex digits',
      parse: parseHeaderHex,
    }),
  },
  flags: {},
  json: '{"hash", "version", "prevHash", "merkleRoot", "time", "bits", "nonce", "target", "difficulty", "valid"}',
  notes: 'Hashes are in display order (byte-reversed, as block explorers show them).',
  async run({ header: bytes }, out) {
    const header = parseHeader(bytes);
    const { module, simd } = await compileCore();
    const core = await instantiateCore(module, simd);
    const hash = core.sha256d(bytes);
    const decoded = decodeCompact(header.bits);
    const usable = !decoded.negative && !decoded.overflow && decoded.target !== 0n;
    const value = {
      hash: hashToDisplayHex(hash),
      version: header.version,
      prevHash: header.prevHash,
      merkleRoot: header.merkleRoot,
      time: header.time,
      bits: formatBits(header.bits),
      nonce: header.nonce,
      target: decoded.overflow ? null : targetToHex(decoded.target),
      difficulty: usable ? difficultyFromBits(header.bits) : null,
      valid: checkProofOfWork(hash, header.bits),
    };
    out.result(value, () => [
      `hash        ${value.hash}`,
      `version     ${value.version} (0x${value.version.toString(16).padStart(8, '0')})`,
      `prevHash    ${value.prevHash}`,
      `merkleRoot  ${value.merkleRoot}`,
      `time        ${value.time} (${new Date(value.time * 1000).toISOString()})`,
      `bits        ${value.bits}`,
      `nonce       ${value.nonce}`,
      `target      ${value.target ?? '(overflow)'}`,
      `difficulty  ${value.difficulty ?? '(not a usable target)'}`,
      `valid       ${value.valid ? 'yes: the hash meets the target' : 'no: the hash does not meet its own target'}`,
    ]);
    return 0;
  },
});
