// The input side of the Hash screen: text or hex, the hint that says how it is read, the examples,
// and the line that shows which bytes are hashed. Switching mode converts the input so the bytes
// (and the hashes) stay the same where that is possible.
import { GENESIS } from '../../../engine/core/known-answer.js';
import { find } from '../../shared/dom.js';
import { Field } from '../../shared/fields.js';
import { bytePreview, formatCount } from '../../shared/format.js';
import { convertInput, parseInput, type InputMode, type ParsedInput } from './input.js';

const HINTS: Record<InputMode, string> = {
  text: 'Each character becomes 1 to 4 bytes in UTF-8; a line break is one byte (0a). The empty input has a hash too.',
  hex: 'Two hex digits make one byte. Spaces and line breaks between digits are ignored.',
};

export class InputPanel {
  private mode: InputMode = 'text';
  private readonly field: Field<HTMLTextAreaElement>;
  private readonly modes: HTMLInputElement[];
  private readonly hint: HTMLElement;
  private readonly byteCount: HTMLElement;
  private readonly byteLength: HTMLElement;
  private readonly byteUnit: HTMLElement;
  private readonly bytes: HTMLElement;
  private readonly bytesNone: HTMLElement;

  /** `onChange(delay)`: the input changed; hash it after `delay` ms (0 for a deliberate change). */
  constructor(root: HTMLElement, onChange: (delay?: number) => void) {
    this.field = new Field<HTMLTextAreaElement>(root, 'hash-input', 'input-error');
    this.modes = [find<HTMLInputElement>(root, 'mode-text'), find<HTMLInputElement>(root, 'mode-hex')];
    this.hint = find(root, 'input-hint');
    this.byteCount = find(root, 'byte-count');
    this.byteLength = find(root, 'byte-length');
    this.byteUnit = find(root, 'byte-unit');
    this.bytes = find(root, 'input-bytes');
    this.bytesNone = find(root, 'bytes-none');

    this.field.input.addEventListener('input', () => {
      // A note about an example or a conversion no longer applies once the learner edits the field.
      this.hint.textContent = HINTS[this.mode];
      onChange();
    });
    for (const radio of this.modes) {
      radio.addEventListener('change', () => {
        if (!radio.checked) return;
        this.setMode(radio.value === 'hex' ? 'hex' : 'text', true);
        onChange(0);
      });
    }
    find(root, 'example-abc').addEventListener('click', () => {
      this.setMode('text', false);
      this.field.value = 'abc';
      onChange(0);
    });
    find(root, 'example-genesis').addEventListener('click', () => {
      this.setMode('hex', false);
      this.field.value = GENESIS.headerHex;
      this.hint.textContent = `${HINTS.hex} This is the 80-byte header of Bitcoin’s first block (3 January 2009). Its display-order hash starts with many zeros: that is the proof of work.`;
      onChange(0);
    });
    this.setMode('text', false);
  }

  /** The bytes to hash, or the problem, shown beside the field. */
  read(): ParsedInput {
    const parsed = parseInput(this.field.value, this.mode);
    if (parsed.ok) this.field.clear();
    else {
      this.field.fail(parsed.message);
      this.showNoBytes();
    }
    return parsed;
  }

  showBytes(bytes: Uint8Array): void {
    this.byteLength.textContent = formatCount(bytes.length);
    this.byteUnit.textContent = bytes.length === 1 ? 'byte' : 'bytes';
    this.bytes.textContent = bytes.length === 0 ? '(none: the input is empty)' : bytePreview(bytes);
    this.byteCount.hidden = false;
    this.bytes.hidden = false;
    this.bytesNone.hidden = true;
  }

  private showNoBytes(): void {
    this.byteCount.hidden = true;
    this.bytes.hidden = true;
    this.bytesNone.hidden = false;
  }

  private setMode(next: InputMode, convert: boolean): void {
    const previous = this.mode;
    this.mode = next;
    for (const radio of this.modes) radio.checked = radio.value === next;
    this.hint.textContent = HINTS[next];
    if (!convert || previous === next || this.field.value === '') return;
    const converted = convertInput(this.field.value, previous, next);
    const name = next === 'hex' ? 'hex' : 'text';
    if (converted !== null) {
      this.field.value = converted;
      this.hint.textContent = `${HINTS[next]} Your input was converted, so the bytes (and the hashes) stay the same.`;
    } else {
      this.hint.textContent = `${HINTS[next]} Your input could not be converted to ${name} as the same bytes, so it is now read as ${name}.`;
    }
  }
}
