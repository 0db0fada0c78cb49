// "1. Build block N": reads and checks every field as the learner types, shows each problem beside its
// field, and keeps the merkle root, the target and the labelled header hex in step with the fields.

import {
  MAX_ZERO_BITS, MIN_ZERO_BITS, merkleRootOfData, toyHeaderBytes, toyTarget, zeroBitsTarget, zeroBitsToBits, type BlockFields,
} from '../../../model/block.js';
import { expectedHashes, formatBits, parseBits, targetToHex } from '../../../model/target.js';
import { InputError, parseInteger } from '../../../model/validate.js';
import { find } from '../../shared/dom.js';
import { Field } from '../../shared/fields.js';
import { formatUtc, hashCount, powerOfTwo } from '../../shared/format.js';
import { renderHex } from '../../shared/hex.js';
import { renderHeader } from './header-view.js';
import { asWritten } from './wording.js';

export interface EditorValues {
  fields: BlockFields;
  target: bigint;
  /** The zero-bit difficulty, when that mode is chosen. */
  zeroBits: number | undefined;
  start: number;
}

export type EditorRead = { ok: true; values: EditorValues } | { ok: false; firstInvalid: HTMLElement };

const MAX_UINT32 = 0xffffffff;

function parsePrevHash(text: string): string {
  const field = 'prevHash';
  if (/^0x/i.test(text)) throw new InputError(field, 'leave out the “0x”: type only the 64 hex digits');
  const badAt = text.search(/[^0-9a-fA-F]/);
  if (badAt >= 0) throw new InputError(field, `“${text[badAt]}” (character ${badAt + 1}) is not a hex digit; a hash uses only 0–9 and a–f`);
  if (text.length !== 64) throw new InputError(field, `a block hash is 64 hex digits; this has ${text.length}`);
  return text.toLowerCase();
}

function parseZeroBits(text: string): number {
  if (text === '') throw new InputError('bits', `enter a whole number of bits from ${MIN_ZERO_BITS} to ${MAX_ZERO_BITS}`);
  return parseInteger(text, 'bits', MIN_ZERO_BITS, MAX_ZERO_BITS);
}

function parseNBits(text: string): number {
  const bits = parseBits(text, 'nBits');
  toyTarget(bits, 'nBits');
  return bits;
}

export class EditorPanel {
  private readonly data: Field<HTMLTextAreaElement>;
  private readonly prev: Field;
  private readonly time: Field;
  private readonly zeroBits: Field;
  private readonly nbits: Field;
  private readonly start: Field;
  private readonly range: HTMLInputElement;
  private readonly modeZeros: HTMLInputElement;
  private readonly fieldset: HTMLFieldSetElement;
  private readonly out: Record<'merkle' | 'target' | 'targetSummary' | 'headerHex' | 'legend' | 'timeUtc' | 'blockName', HTMLElement>;
  /** The nonce shown in the header: the first nonce, the one being tried, or the one found. */
  private shownNonce: number | undefined;

  constructor(
    root: HTMLElement,
    private readonly onChange: (read: EditorRead) => void,
  ) {
    this.data = new Field(root, 'mine-data');
    this.prev = new Field(root, 'mine-prev');
    this.time = new Field(root, 'mine-time');
    this.zeroBits = new Field(root, 'mine-zero-bits');
    this.nbits = new Field(root, 'mine-nbits');
    this.start = new Field(root, 'mine-start');
    this.range = find(root, 'mine-zero-range');
    this.modeZeros = find(root, 'mine-mode-zeros');
    this.fieldset = find(root, 'mine-fieldset');
    this.out = {
      merkle: find(root, 'mine-merkle'),
      target: find(root, 'mine-target'),
      targetSummary: find(root, 'mine-target-summary'),
      headerHex: find(root, 'mine-header-hex'),
      legend: find(root, 'mine-header-legend'),
      timeUtc: find(root, 'mine-time-utc'),
      blockName: find(root, 'mine-editor-block'),
    };

    // Any edit means a new header: the nonce shown goes back to the first one to try.
    const edited = () => {
      this.shownNonce = undefined;
      this.refresh();
    };
    for (const f of [this.data, this.prev, this.time, this.zeroBits, this.nbits, this.start]) {
      f.input.addEventListener('input', () => {
        if (f === this.zeroBits && /^\d+$/.test(f.value)) this.range.value = f.value;
        edited();
      });
    }
    this.range.addEventListener('input', () => {
      this.zeroBits.value = this.range.value;
      edited();
    });
    const zerosBox = find(root, 'mine-zeros-box');
    const nbitsBox = find(root, 'mine-nbits-box');
    const onMode = () => {
      zerosBox.hidden = !this.modeZeros.checked;
      nbitsBox.hidden = this.modeZeros.checked;
      edited();
    };
    this.modeZeros.addEventListener('change', onMode);
    find(root, 'mine-mode-bits').addEventListener('change', onMode);
    find(root, 'mine-time-now').addEventListener('click', () => {
      this.time.value = String(Math.floor(Date.now() / 1000));
      edited();
    });
  }

  /** Fills the form for block number `blockNumber`; fields left out keep what the learner typed. */
  set(fields: Partial<BlockFields> & { zeroBits?: number; nbits?: string; start?: number }, blockNumber: number): void {
    if (fields.data !== undefined) this.data.value = fields.data;
    if (fields.prevHash !== undefined) this.prev.value = fields.prevHash;
    if (fields.time !== undefined) this.time.value = String(fields.time);
    if (fields.zeroBits !== undefined) {
      this.zeroBits.value = String(fields.zeroBits);
      this.range.value = String(fields.zeroBits);
    }
    if (fields.nbits !== undefined) this.nbits.value = fields.nbits;
    if (fields.start !== undefined) this.start.value = String(fields.start);
    this.out.blockName.textContent = `block ${blockNumber}`;
    this.shownNonce = undefined;
    this.refresh();
  }

  /** Locks the fields while the block is being mined (the header must not change under the miners). */
  lock(locked: boolean): void {
    this.fieldset.disabled = locked;
  }

  /** Shows a different time (after the nonces ran out) and the nonce of interest in the header. */
  showMining(time: number | undefined, nonce: number | undefined): void {
    if (time !== undefined) this.time.value = String(time);
    this.shownNonce = nonce;
    this.refresh(false);
  }

  /** Re-reads every field, marks the bad ones, and redraws what depends on them. */
  refresh(notify = true): EditorRead {
    const read = this.read();
    this.render(read);
    if (notify) this.onChange(read);
    return read;
  }

  private read(): EditorRead {
    const bad: HTMLElement[] = [];
    const check = <T>(f: Field, parse: (text: string) => T): T | undefined => {
      const value = f.read(parse, asWritten);
      if (value === undefined) bad.push(f.input);
      return value;
    };
    const data = this.data.value;
    const prevHash = check(this.prev, parsePrevHash);
    const time = check(this.time, (text) => parseInteger(text, 'time', 0, MAX_UINT32));
    let target: bigint | undefined;
    let bits: number | undefined;
    let zeroBits: number | undefined;
    if (this.modeZeros.checked) {
      this.nbits.clear();
      zeroBits = check(this.zeroBits, parseZeroBits);
      if (zeroBits !== undefined) {
        target = zeroBitsTarget(zeroBits);
        bits = zeroBitsToBits(zeroBits);
      }
    } else {
      this.zeroBits.clear();
      bits = check(this.nbits, parseNBits);
      if (bits !== undefined) target = toyTarget(bits);
    }
    const start = check(this.start, (text) => (text === '' ? 0 : parseInteger(text, 'start', 0, MAX_UINT32)));
    // The first nonce sits in a closed "more" box: open it when it is the field at fault.
    if (start === undefined) {
      const more = this.start.input.closest('details');
      if (more) more.open = true;
    }
    this.out.timeUtc.textContent = time !== undefined ? formatUtc(time) : '';
    if (prevHash === undefined || time === undefined || target === undefined || bits === undefined || start === undefined) {
      return { ok: false, firstInvalid: bad[0] ?? this.data.input };
    }
    return { ok: true, values: { fields: { data, prevHash, time, bits }, target, zeroBits, start } };
  }

  private render(read: EditorRead): void {
    this.out.merkle.textContent = merkleRootOfData(this.data.value);
    if (!read.ok) {
      const missing = '— fix the marked fields —';
      if (this.out.target.textContent !== missing) {
        this.out.target.textContent = missing;
        this.out.targetSummary.textContent = '';
        this.out.headerHex.textContent = missing;
        delete this.out.headerHex.dataset['headerHex'];
        this.out.legend.replaceChildren();
      }
      return;
    }
    const { fields, target, zeroBits, start } = read.values;
    renderHex(this.out.target, targetToHex(target), true);
    const expected = expectedHashes(target);
    this.out.targetSummary.textContent =
      zeroBits !== undefined
        ? `Target 2^${256 - zeroBits}, nBits ${formatBits(fields.bits)}: a hash must start with ${zeroBits} zero bits. Expected work: ${powerOfTwo(zeroBits)} hashes.`
        : `nBits ${formatBits(fields.bits)}. Expected work: ${hashCount(expected)} (about 2^${Math.log2(expected).toFixed(1)}).`;
    renderHeader(this.out.headerHex, this.out.legend, toyHeaderBytes({ ...fields, nonce: this.shownNonce ?? start }));
  }
}
