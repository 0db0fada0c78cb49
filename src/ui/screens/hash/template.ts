// The Hash screen's markup: static, every piece of user data is written with textContent.

export const HASH_TEMPLATE = `
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
