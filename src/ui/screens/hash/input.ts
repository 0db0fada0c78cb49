// Turning what the learner typed into bytes, with messages written for people rather than for logs.

import { bytesToHex } from '../../../model/validate.js';

export type InputMode = 'text' | 'hex';

export type ParsedInput = { ok: true; bytes: Uint8Array } | { ok: false; message: string };

const utf8 = new TextEncoder();
const HEX_DIGIT = /^[0-9a-fA-F]$/;

/** UTF-8 bytes of the text, exactly as typed (line breaks in a textarea are always "\n", one byte). */
export function parseTextInput(raw: string): ParsedInput {
  return { ok: true, bytes: utf8.encode(raw) };
}

/** Hex digits, two per byte, any case; spaces and line breaks between them are ignored. */
export function parseHexInput(raw: string): ParsedInput {
  const trimmed = raw.trim();
  if (/^0x/i.test(trimmed)) {
    return { ok: false, message: 'Leave out the "0x" at the start: type only the hex digits.' };
  }
  let position = 0;
  let digits = 0;
  for (const ch of raw) {
    position++;
    if (/\s/.test(ch)) continue;
    if (!HEX_DIGIT.test(ch)) {
      return {
        ok: false,
        message: `${describeChar(ch)} (character ${position}) is not a hex digit. Hex uses only 0–9 and a–f.`,
      };
    }
    digits++;
  }
  if (digits % 2 !== 0) {
    return {
      ok: false,
      message: `Hex needs two digits per byte, but there ${digits === 1 ? 'is 1 digit' : `are ${digits} digits`}: one digit is missing or extra.`,
    };
  }
  const compact = raw.replace(/\s+/g, '');
  const bytes = new Uint8Array(compact.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(compact.slice(2 * i, 2 * i + 2), 16);
  return { ok: true, bytes };
}

export function parseInput(raw: string, mode: InputMode): ParsedInput {
  return mode === 'hex' ? parseHexInput(raw) : parseTextInput(raw);
}

function describeChar(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  const printable = code > 0x20 && code !== 0x7f && !(code >= 0x80 && code < 0xa0);
  return printable ? `“${ch}”` : `The character U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * What the field should hold after switching mode, so the bytes stay the same: text becomes its
 * UTF-8 hex; hex becomes text when the bytes are valid UTF-8 that a text field can hold unchanged.
 * Returns null when that is not possible (the field is then left as it is).
 */
export function convertInput(raw: string, from: InputMode, to: InputMode): string | null {
  if (from === to) return raw;
  const parsed = parseInput(raw, from);
  if (!parsed.ok) return null;
  if (to === 'hex') return bytesToHex(parsed.bytes);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(parsed.bytes);
  } catch {
    return null;
  }
  // A textarea turns "\r" into "\n", which would change the bytes.
  return text.includes('\r') ? null : text;
}
