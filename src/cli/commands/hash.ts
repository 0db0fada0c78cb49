import { readFile } from 'node:fs/promises';
import { instantiateCore } from '../../engine/core/core.js';
import { compileCore } from '../../engine/core/wasm-node.js';
import { bytesToHex, hexToBytes, InputError } from '../../model/validate.js';
import { parseCommandArgs, stringFlag } from '../args.js';
import type { Output } from '../output.js';

export const hashHelp = `powlab hash [--double] <hex>
powlab hash [--double] --file PATH

SHA-256 (or with --double, SHA-256d = SHA-256 of the SHA-256) of the bytes given as hex, or of a file.
Prints the digest as lowercase hex in natural byte order. "" is the empty message.
  --double     hash twice
  --file PATH  hash the file's bytes instead of a hex argument
  --json       {"algorithm", "bytes", "digest"}`;

export async function hashCommand(argv: string[], out: Output): Promise<number> {
  const args = parseCommandArgs('hash', argv, { double: { type: 'boolean' }, file: { type: 'string' } }, 1);
  const file = stringFlag(args, 'file');
  let data: Uint8Array;
  if (file !== undefined) {
    if (args.positionals.length > 0) throw new InputError('--file', 'give either a hex argument or --file, not both');
    try {
      data = new Uint8Array(await readFile(file));
    } catch (error) {
      throw new InputError('--file', `cannot read ${JSON.stringify(file)}: ${(error as Error).message}`);
    }
  } else {
    const hex = args.positionals[0];
    if (hex === undefined) throw new InputError('hex', 'missing: give the message as hex, or --file PATH');
    if (/^0x$/i.test(hex)) throw new InputError('hex', '"0x" with no digits after it: give "" for the empty message');
    data = hexToBytes(/^0x/i.test(hex) ? hex.slice(2) : hex, 'hex');
  }
  const { module, simd } = await compileCore();
  const core = await instantiateCore(module, simd);
  const double = args.flags.double === true;
  const digest = bytesToHex(double ? core.sha256d(data) : core.sha256(data));
  out.result({ algorithm: double ? 'sha256d' : 'sha256', bytes: data.length, digest }, () => [digest]);
  return 0;
}
