import { readFile } from 'node:fs/promises';
import { instantiateCore } from '../../engine/core/core.js';
import { compileCore } from '../../engine/core/wasm-node.js';
import { bytesToHex, hexToBytes, InputError } from '../../model/validate.js';
import { command, option, toggle } from '../spec.js';

export const hashCommand = command({
  name: 'hash',
  summary: 'SHA-256 / SHA-256d of hex or a file',
  about: `SHA-256 (or with --double, SHA-256d = SHA-256 of the SHA-256) of the bytes given as hex, or of a file.
Prints the digest as lowercase hex in natural byte order. "" is the empty message.`,
  positionals: {
    hex: option({
      value: '<hex>',
      describe: 'the message as hex digits, optionally after 0x',
      parse: (hex, name) => {
        if (/^0x$/i.test(hex)) throw new InputError(name, '"0x" with no digits after it: give "" for the empty message');
        return hexToBytes(/^0x/i.test(hex) ? hex.slice(2) : hex, name);
      },
    }),
  },
  flags: {
    double: toggle('hash twice'),
    file: option({ value: 'PATH', describe: "hash the file's bytes instead of a hex argument" }),
  },
  choices: [
    { of: ['hex', 'file'], conflict: ['--file', 'give either a hex argument or --file, not both'], missing: ['hex', 'missing: give the message as hex, or --file PATH'] },
  ],
  json: '{"algorithm", "bytes", "digest"}',
  async run({ hex, double, file }, out) {
    // The choice above makes sure exactly one of them is there.
    const data = file === undefined ? hex! : await readBytes(file);
    const { module, simd } = await compileCore();
    const core = await instantiateCore(module, simd);
    const digest = bytesToHex(double ? core.sha256d(data) : core.sha256(data));
    out.result({ algorithm: double ? 'sha256d' : 'sha256', bytes: data.length, digest }, () => [digest]);
    return 0;
  },
});

async function readBytes(file: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(file));
  } catch (error) {
    throw new InputError('--file', `cannot read ${JSON.stringify(file)}: ${(error as Error).message}`);
  }
}
