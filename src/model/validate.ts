// Input checking at the boundaries (CLI arguments, form fields, engine calls). Every failure is an
// InputError naming the field, so the CLI can print one line and exit 2, and the UI can show the
// message next to the right input.

export class InputError extends Error {
  override readonly name = 'InputError';
  constructor(
    /** The argument or field at fault, e.g. "--bits" or "header". */
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
  }
}

/** The message of anything thrown, for a person or a log line. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function isInputError(error: unknown): error is InputError {
  return error instanceof Error && error.name === 'InputError' && typeof (error as InputError).field === 'string';
}

/** Parses a hex string (no 0x prefix, any case, even length) into bytes. */
export function hexToBytes(hex: string, field: string, expectedLength?: number): Uint8Array {
  if (hex.length % 2 !== 0) throw new InputError(field, `odd number of hex digits (${hex.length})`);
  const bad = hex.search(/[^0-9a-fA-F]/);
  if (bad >= 0) throw new InputError(field, `not hex: ${JSON.stringify(hex[bad])} at position ${bad}`);
  if (expectedLength !== undefined && hex.length !== expectedLength * 2) {
    throw new InputError(field, `expected ${expectedLength * 2} hex digits (${expectedLength} bytes), got ${hex.length}`);
  }
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

export function bytesToHex(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += b.toString(16).padStart(2, '0');
  return s;
}

/** An integer in [min, max], from a number or a decimal / 0x-hex string. */
export function parseInteger(value: string | number, field: string, min: number, max: number): number {
  let n: number;
  if (typeof value === 'number') n = value;
  else if (/^\s*0x[0-9a-f]+\s*$/i.test(value)) n = parseInt(value, 16);
  else if (/^\s*-?\d+\s*$/.test(value)) n = Number(value);
  else throw new InputError(field, `not an integer: ${JSON.stringify(value)}`);
  if (!Number.isSafeInteger(n)) throw new InputError(field, `not an integer: ${JSON.stringify(value)}`);
  if (n < min || n > max) throw new InputError(field, `${n} is outside ${min}..${max}`);
  return n;
}

/** A finite number in [min, max]. */
export function parseNumber(value: string | number, field: string, min: number, max: number): number {
  const n = typeof value === 'number' ? value : /^\s*[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?\s*$/i.test(value) ? Number(value) : NaN;
  if (!Number.isFinite(n)) throw new InputError(field, `not a number: ${JSON.stringify(value)}`);
  if (n < min || n > max) throw new InputError(field, `${n} is outside ${min}..${max}`);
  return n;
}
