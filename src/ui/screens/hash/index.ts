// The Hash screen: text or hex in, SHA-256 and SHA-256d out, computed in the worker as the learner
// types. Only the reply to the latest input is shown; a bad input never shows a digest.

import { GENESIS } from '../../../engine/core/known-answer.js';
import { hashToDisplayHex } from '../../../model/header.js';
import { leadingZeroBits } from '../../../model/target.js';
import { bytesToHex } from '../../../model/validate.js';
import { hashPool, watchCore } from '../../../engine/mining/hash-core.js';
import { bytePreview, formatCount, zeroBitOdds } from '../../shared/format.js';
import { renderHex } from '../../shared/hex.js';
import { convertInput, parseInput, type InputMode } from './input.js';

const DEBOUNCE_MS = 100;

// Static markup only: every piece of user data is written with textContent below.
const TEMPLATE = `
<div class="hash-layout">
<section class="panel" aria-labelledby="hash-title">
  <h1 id="hash-title">Hash anything</h1>
  <p class="lede">
    Type some text, or paste raw bytes as hex. Its SHA-256 fingerprints update as you type,
    computed by a WebAssembly core in a background worker.
  </p>

  <fieldset class="mode">
    <legend>Read my input as</legend>
    <label class="mode-option">
      <input type="radio" name="input-mode" value="text" checked data-testid="mode-text" />
      Text <span class="muted">(UTF-8)</span>
    </label>
    <label class="mode-option">
      <input type="radio" name="input-mode" value="hex" data-testid="mode-hex" />
      Hex bytes <span class="muted">(e.g. 616263)</span>
    </label>
  </fieldset>

  <label class="field-label" for="hash-input">Input</label>
  <textarea
    id="hash-input"
    class="input input-mono"
    rows="4"
    spellcheck="false"
    autocomplete="off"
    autocapitalize="off"
    placeholder="Type something, e.g. hello"
    aria-describedby="hash-input-error hash-input-hint"
    data-testid="hash-input"
  ></textarea>
  <p id="hash-input-error" class="field-error" aria-live="polite" data-testid="input-error"></p>
  <p id="hash-input-hint" class="hint" aria-live="polite" data-testid="input-hint"></p>

  <div class="examples">
    <span class="examples-label" id="examples-label">Try an example:</span>
    <button type="button" class="button" data-testid="example-abc" aria-describedby="examples-label">Text “abc”</button>
    <button type="button" class="button" data-testid="example-genesis" aria-describedby="examples-label">Bitcoin’s first block header</button>
  </div>

  <p class="bytes-line">
    <span class="bytes-count" data-testid="byte-count"><strong data-testid="byte-length">0</strong> <span data-testid="byte-unit">bytes</span> hashed:</span>
    <code class="bytes-preview" data-testid="input-bytes"></code>
    <span class="bytes-none" data-testid="bytes-none" hidden>Nothing is hashed until the input is fixed.</span>
  </p>
</section>

<section class="panel results" aria-labelledby="results-title" data-testid="results" data-state="idle">
  <h2 id="results-title">Fingerprints</h2>
  <p class="results-error" role="alert" data-testid="hash-error" hidden></p>
  <p class="results-note" data-testid="results-note" hidden>No fingerprints: the input above is not valid hex yet.</p>
  <p class="results-error" data-testid="untrusted-note" hidden>
    The core that computed these failed its self-test: do not rely on them.
  </p>

  <div class="result">
    <h3 id="sha256-label">SHA-256</h3>
    <output class="digest" aria-labelledby="sha256-label" data-testid="sha256">—</output>
    <p class="explain">
      SHA-256 turns any input into a 32-byte (256-bit) fingerprint, shown as 64 hex digits. The same
      input always gives the same fingerprint; change one character and it looks completely
      different. No one knows how to work back from a fingerprint to an input.
    </p>
  </div>

  <div class="result">
    <h3 id="sha256d-label">SHA-256d <span class="muted">(SHA-256 of the SHA-256)</span></h3>
    <output class="digest" aria-labelledby="sha256d-label" data-testid="sha256d">—</output>
    <p class="explain">
      Bitcoin hashes twice: it runs SHA-256 again on the 32 bytes above. The usual reason given:
      with a single SHA-256, anyone who knows the hash of a message can compute the hash of that
      message plus extra bytes without knowing the message (a “length extension”). The second
      round closes that gap.
    </p>
  </div>

  <div class="result">
    <h3 id="display-label">SHA-256d in display order <span class="muted">(as block explorers show it)</span></h3>
    <output class="digest" aria-labelledby="display-label" data-testid="sha256d-display">—</output>
    <p class="zero-bits">
      <strong data-testid="zero-bits">—</strong> leading zero bits.
      <span data-testid="zero-bits-odds"></span>
    </p>
    <p class="explain">
      Bitcoin reads the 32 bytes above as one big number, least significant byte first. Explorers
      print that number the usual way round, so this is the line above with its bytes (pairs of
      digits) in reverse order. Mining means trying input after input until this number is small
      enough, that is, until it starts with enough zeros (<span class="lead-zero">highlighted</span>).
    </p>
  </div>
</section>
</div>
`;

interface Elements {
  input: HTMLTextAreaElement;
  modes: HTMLInputElement[];
  error: HTMLElement;
  hint: HTMLElement;
  byteCount: HTMLElement;
  bytesNone: HTMLElement;
  resultsNote: HTMLElement;
  byteLength: HTMLElement;
  byteUnit: HTMLElement;
  bytes: HTMLElement;
  results: HTMLElement;
  hashError: HTMLElement;
  sha256: HTMLElement;
  sha256d: HTMLElement;
  display: HTMLElement;
  zeroBits: HTMLElement;
  zeroOdds: HTMLElement;
  exampleAbc: HTMLButtonElement;
  exampleGenesis: HTMLButtonElement;
}

function find<T extends HTMLElement>(root: ParentNode, testId: string): T {
  const el = root.querySelector<T>(`[data-testid="${testId}"]`);
  if (!el) throw new Error(`hash view: missing element ${testId}`);
  return el;
}

const HINTS: Record<InputMode, string> = {
  text: 'Each character becomes 1 to 4 bytes in UTF-8; a line break is one byte (0a). The empty input has a hash too.',
  hex: 'Two hex digits make one byte. Spaces and line breaks between digits are ignored.',
};

export function mountHashView(root: HTMLElement): void {
  root.innerHTML = TEMPLATE;
  const el: Elements = {
    input: find(root, 'hash-input'),
    modes: [find<HTMLInputElement>(root, 'mode-text'), find<HTMLInputElement>(root, 'mode-hex')],
    error: find(root, 'input-error'),
    hint: find(root, 'input-hint'),
    byteCount: find(root, 'byte-count'),
    bytesNone: find(root, 'bytes-none'),
    resultsNote: find(root, 'results-note'),
    byteLength: find(root, 'byte-length'),
    byteUnit: find(root, 'byte-unit'),
    bytes: find(root, 'input-bytes'),
    results: find(root, 'results'),
    hashError: find(root, 'hash-error'),
    sha256: find(root, 'sha256'),
    sha256d: find(root, 'sha256d'),
    display: find(root, 'sha256d-display'),
    zeroBits: find(root, 'zero-bits'),
    zeroOdds: find(root, 'zero-bits-odds'),
    exampleAbc: find(root, 'example-abc'),
    exampleGenesis: find(root, 'example-genesis'),
  };

  let mode: InputMode = 'text';
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** Bumped for every new input; a reply for an older number is dropped. */
  let latest = 0;

  const setState = (state: 'pending' | 'ready' | 'invalid' | 'failed') => {
    el.results.dataset['state'] = state;
    el.results.setAttribute('aria-busy', String(state === 'pending'));
  };

  const clearDigests = () => {
    for (const out of [el.sha256, el.sha256d, el.display, el.zeroBits]) out.textContent = '—';
    el.zeroOdds.textContent = '';
  };

  const showInvalid = (message: string) => {
    el.input.setAttribute('aria-invalid', 'true');
    el.error.textContent = message;
    el.byteCount.hidden = true;
    el.bytes.hidden = true;
    el.bytesNone.hidden = false;
    el.resultsNote.hidden = false;
    el.hashError.hidden = true;
    clearDigests();
    setState('invalid');
  };

  const showBytes = (bytes: Uint8Array) => {
    el.byteLength.textContent = formatCount(bytes.length);
    el.byteUnit.textContent = bytes.length === 1 ? 'byte' : 'bytes';
    el.bytes.textContent = bytes.length === 0 ? '(none: the input is empty)' : bytePreview(bytes);
    el.byteCount.hidden = false;
    el.bytes.hidden = false;
    el.bytesNone.hidden = true;
  };

  async function hash(bytes: Uint8Array): Promise<void> {
    timer = undefined;
    const id = ++latest;
    try {
      const pool = await hashPool();
      const [single, double] = await Promise.all([pool.sha256(bytes), pool.sha256d(bytes)]);
      if (id !== latest) return;
      showBytes(bytes);
      renderHex(el.sha256, bytesToHex(single));
      renderHex(el.sha256d, bytesToHex(double));
      renderHex(el.display, hashToDisplayHex(double), true);
      const zeros = leadingZeroBits(double);
      el.zeroBits.textContent = String(zeros);
      el.zeroOdds.textContent = zeroBitOdds(zeros);
      el.resultsNote.hidden = true;
      el.hashError.hidden = true;
      setState('ready');
    } catch (error) {
      if (id !== latest) return;
      showBytes(bytes);
      clearDigests();
      el.resultsNote.hidden = true;
      el.hashError.textContent = `Could not hash this input: ${error instanceof Error ? error.message : String(error)}`;
      el.hashError.hidden = false;
      setState('failed');
    }
  }

  /**
   * Parsing is cheap and happens at once, so a bad input never sits next to an old digest; only the
   * trip to the worker waits for a pause in typing.
   */
  const schedule = (delay = DEBOUNCE_MS) => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    latest++; // any reply still in flight is now stale
    const parsed = parseInput(el.input.value, mode);
    if (!parsed.ok) {
      showInvalid(parsed.message);
      return;
    }
    el.input.removeAttribute('aria-invalid');
    el.error.textContent = '';
    setState('pending');
    timer = setTimeout(() => void hash(parsed.bytes), delay);
  };

  const setMode = (next: InputMode, convert: boolean) => {
    const previous = mode;
    mode = next;
    for (const radio of el.modes) radio.checked = radio.value === next;
    el.hint.textContent = HINTS[next];
    if (convert && previous !== next && el.input.value !== '') {
      const converted = convertInput(el.input.value, previous, next);
      if (converted !== null) {
        el.input.value = converted;
        el.hint.textContent = `${HINTS[next]} Your input was converted, so the bytes (and the hashes) stay the same.`;
      } else {
        el.hint.textContent = `${HINTS[next]} Your input could not be converted to ${
          next === 'hex' ? 'hex' : 'text'
        } as the same bytes, so it is now read as ${next === 'hex' ? 'hex' : 'text'}.`;
      }
    }
  };

  el.input.addEventListener('input', () => {
    // A note about an example or a conversion no longer applies once the learner edits the field.
    el.hint.textContent = HINTS[mode];
    schedule();
  });
  for (const radio of el.modes) {
    radio.addEventListener('change', () => {
      if (!radio.checked) return;
      setMode(radio.value === 'hex' ? 'hex' : 'text', true);
      schedule(0);
    });
  }
  el.exampleAbc.addEventListener('click', () => {
    setMode('text', false);
    el.input.value = 'abc';
    schedule(0);
  });
  el.exampleGenesis.addEventListener('click', () => {
    setMode('hex', false);
    el.input.value = GENESIS.headerHex;
    el.hint.textContent = `${HINTS.hex} This is the 80-byte header of Bitcoin’s first block (3 January 2009). Its display-order hash starts with many zeros: that is the proof of work.`;
    schedule(0);
  });

  const untrusted = find(root, 'untrusted-note');
  watchCore((state) => {
    const failed = state.phase === 'failed';
    untrusted.hidden = !failed;
    el.results.dataset['trust'] = failed ? 'failed' : 'ok';
  });

  setMode('text', false);
  schedule(0);
}
