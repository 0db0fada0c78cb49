// The block editor: reads and checks every field as the learner types, shows each problem next to its
// field, and keeps the merkle root, the target and the labelled header hex in step with the fields.

import {
  MAX_ZERO_BITS, MIN_ZERO_BITS, merkleRootOfData, toyHeaderBytes, toyTarget, zeroBitsTarget, zeroBitsToBits, type BlockFields,
} from '../../../model/block.js';
import { expectedHashes, formatBits, parseBits, targetToHex } from '../../../model/target.js';
import { parseInteger } from '../../../model/validate.js';
import { powerOfTwo } from '../../shared/format.js';
import { renderHex } from '../../shared/hex.js';
import { find } from '../../shared/dom.js';
import { formatUtc, hashCount } from '../../shared/format.js';
import { renderHeader } from './header-view.js';

export interface EditorValues {
  fields: BlockFields;
  target: bigint;
  /** The zero-bit difficulty, when that mode is chosen. */
  zeroBits: number | undefined;
  start: number;
}

export type EditorRead = { ok: true; values: EditorValues } | { ok: false; firstInvalid: HTMLElement };

interface Field {
  input: HTMLInputElement | HTMLTextAreaElement;
  error: HTMLElement | undefined;
}

const MAX_UINT32 = 0xffffffff;

/** The message of an InputError without its "field: " prefix, which the label already says. */
function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/^[\w-]+: /, '');
}

export class BlockEditor {
  private readonly data: Field;
  private readonly prev: Field;
  private readonly time: Field;
  private readonly zeroBits: Field;
  private readonly nbits: Field;
  private readonly start: Field;
  private readonly range: HTMLInputElement;
  private readonly modeZeros: HTMLInputElement;
  private readonly modeBits: HTMLInputElement;
  private readonly fieldset: HTMLFieldSetElement;
  private readonly out: Record<'merkle' | 'target' | 'targetSummary' | 'headerHex' | 'legend' | 'timeUtc' | 'blockName', HTMLElement>;
  private last: EditorValues | undefined;
  /** The nonce shown in the header: the first nonce, the one being tried, or the one found. */
  private shownNonce: number | undefined;

  constructor(root: HTMLElement, private readonly onChange: (read: EditorRead) => void) {
    const field = (id: string): Field => ({
      input: find<HTMLInputElement>(root, id),
      error: root.querySelector<HTMLElement>(`[data-testid="${id}-error"]`) ?? undefined,
    });
    this.data = field('mine-data');
    this.prev = field('mine-prev');
    this.time = field('mine-time');
    this.zeroBits = field('mine-zero-bits');
    this.nbits = field('mine-nbits');
    this.start = field('mine-start');
    this.range = find(root, 'mine-zero-range');
    this.modeZeros = find(root, 'mine-mode-zeros');
    this.modeBits = find(root, 'mine-mode-bits');
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
    const zerosBox = find(root, 'mine-zeros-box');
    const nbitsBox = find(root, 'mine-nbits-box');

    for (const f of [this.data, this.prev, this.time, this.zeroBits, this.nbits, this.start]) {
      f.input.addEventListener('input', () => {
        if (f === this.zeroBits && /^\d+$/.test(this.zeroBits.input.value)) this.range.value = this.zeroBits.input.value;
        this.shownNonce = undefined;
        this.refresh();
      });
    }
    this.range.addEventListener('input', () => {
      this.zeroBits.input.value = this.range.value;
      this.shownNonce = undefined;
      this.refresh();
    });
    const onMode = () => {
      zerosBox.hidden = !this.modeZeros.checked;
      nbitsBox.hidden = this.modeZeros.checked;
      this.shownNonce = undefined;
      this.refresh();
    };
    this.modeZeros.addEventListener('change', onMode);
    this.modeBits.addEventListener('change', onMode);
    find(root, 'mine-time-now').addEventListener('click', () => {
      this.time.input.value = String(Math.floor(Date.now() / 1000));
      this.shownNonce = undefined;
      this.refresh();
    });
  }

  /** Fills the form for a new block. */
  set(fields: Partial<BlockFields> & { zeroBits?: number; nbits?: string; start?: number }, blockNumber: number): void {
    if (fields.data !== undefined) this.data.input.value = fields.data;
    if (fields.prevHash !== undefined) this.prev.input.value = fields.prevHash;
    if (fields.time !== undefined) this.time.input.value = String(fields.time);
    if (fields.zeroBits !== undefined) {
      this.zeroBits.input.value = String(fields.zeroBits);
      this.range.value = String(fields.zeroBits);
    }
    if (fields.nbits !== undefined) this.nbits.input.value = fields.nbits;
    if (fields.start !== undefined) this.start.input.value = String(fields.start);
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
    if (time !== undefined) this.time.input.value = String(time);
    this.shownNonce = nonce;
    this.refresh(false);
  }

  values(): EditorValues | undefined {
    return this.last;
  }

  /** Re-reads every field, marks the bad ones, and redraws what depends on them. */
  refresh(notify = true): EditorRead {
    const read = this.read();
    this.render(read);
    if (notify) this.onChange(read);
    return read;
  }

  private check<T>(f: Field, parse: () => T): T | undefined {
    try {
      const value = parse();
      f.input.removeAttribute('aria-invalid');
      if (f.error) f.error.textContent = '';
      return value;
    } catch (error) {
      f.input.setAttribute('aria-invalid', 'true');
      if (f.error) f.error.textContent = messageOf(error);
      return undefined;
    }
  }

  private clear(f: Field): void {
    f.input.removeAttribute('aria-invalid');
    if (f.error) f.error.textContent = '';
  }

  private read(): EditorRead {
    const bad: HTMLElement[] = [];
    const note = <T>(f: Field, value: T | undefined): T | undefined => {
      if (value === undefined) bad.push(f.input);
      return value;
    };
    const data = this.data.input.value;
    const prevHash = note(
      this.prev,
      this.check(this.prev, () => {
        const text = this.prev.input.value.trim();
        if (/^0x/i.test(text)) throw new Error('leave out the “0x”: type only the 64 hex digits');
        const badAt = text.search(/[^0-9a-fA-F]/);
        if (badAt >= 0) throw new Error(`“${text[badAt]}” (character ${badAt + 1}) is not a hex digit; a hash uses only 0–9 and a–f`);
        if (text.length !== 64) throw new Error(`a block hash is 64 hex digits; this has ${text.length}`);
        return text.toLowerCase();
      }),
    );
    const time = note(this.time, this.check(this.time, () => parseInteger(this.time.input.value.trim(), 'time', 0, MAX_UINT32)));
    let target: bigint | undefined;
    let bits: number | undefined;
    let zeroBits: number | undefined;
    if (this.modeZeros.checked) {
      this.clear(this.nbits);
      zeroBits = note(
        this.zeroBits,
        this.check(this.zeroBits, () => {
          const text = this.zeroBits.input.value.trim();
          if (text === '') throw new Error(`enter a whole number of bits from ${MIN_ZERO_BITS} to ${MAX_ZERO_BITS}`);
          const n = parseInteger(text, 'bits', MIN_ZERO_BITS, MAX_ZERO_BITS);
          zeroBitsTarget(n);
          return n;
        }),
      );
      if (zeroBits !== undefined) {
        target = zeroBitsTarget(zeroBits);
        bits = zeroBitsToBits(zeroBits);
      }
    } else {
      this.clear(this.zeroBits);
      bits = note(this.nbits, this.check(this.nbits, () => {
        const value = parseBits(this.nbits.input.value, 'nBits');
        toyTarget(value, 'nBits');
        return value;
      }));
      if (bits !== undefined) target = toyTarget(bits);
    }
    const startText = this.start.input.value.trim();
    const start = note(this.start, this.check(this.start, () => (startText === '' ? 0 : parseInteger(startText, 'start', 0, MAX_UINT32))));

    if (start === undefined) {
      const more = this.start.input.closest('details');
      if (more) more.open = true;
    }
    this.out.timeUtc.textContent = time !== undefined ? formatUtc(time) : '';
    if (bad.length > 0 || prevHash === undefined || time === undefined || target === undefined || bits === undefined || start === undefined) {
      this.last = undefined;
      return { ok: false, firstInvalid: bad[0] ?? this.data.input };
    }
    this.last = { fields: { data, prevHash, time, bits }, target, zeroBits, start };
    return { ok: true, values: this.last };
  }

  private render(read: EditorRead): void {
    const merkle = merkleRootOfData(this.data.input.value);
    this.out.merkle.textContent = merkle;
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
    const header = toyHeaderBytes({ ...fields, nonce: this.shownNonce ?? start });
    renderHeader(this.out.headerHex, this.out.legend, header);
  }

  /** Mark the form as started-on so a later read shows every error (used when Start is pressed). */
  focusFirstInvalid(read: EditorRead): void {
    if (!read.ok) read.firstInvalid.focus();
  }
}
