// Static markup of the "Mine a block" screen. Only constant text lives here; everything that depends on
// data is written later with textContent. No inline styles or scripts (the page's CSP forbids them).

export const MINE_TEMPLATE = `
<div class="mine-screen">
<section class="panel mine-intro" aria-labelledby="mine-title">
  <h1 id="mine-title">Mine a block</h1>
  <p class="lede">
    Build a block, then let your device search for a nonce that gives its header a hash at or below the
    target: the proof of work. Found blocks are checked again on this page and linked into a small
    chain. Then change an old block and watch every later link break.
  </p>
</section>

<div class="mine-layout">
<section class="panel" aria-labelledby="mine-editor-title" data-contents-label="1. Build">
  <h2 id="mine-editor-title">1. Build <span data-testid="mine-editor-block">block 1</span></h2>
  <fieldset class="mine-fields" data-testid="mine-fieldset">
    <legend class="visually-hidden">The block’s fields</legend>

    <div class="mine-field">
      <label class="field-label" for="mine-data">Data</label>
      <textarea id="mine-data" class="input input-mono mine-data" rows="2" spellcheck="false" autocomplete="off"
        aria-describedby="mine-data-explain" data-testid="mine-data"></textarea>
      <p id="mine-data-explain" class="explain">
        What the block records. Here it is one “transaction”: the UTF-8 bytes of this text. The header
        does not hold the data itself but its fingerprint, the merkle root.
      </p>
      <p class="mine-derived">
        <span class="mine-derived-label">Merkle root</span>
        <code class="mono-wrap" data-testid="mine-merkle"></code>
      </p>
      <p class="explain">
        With a single transaction the merkle root is simply that transaction’s SHA-256d (a tree with one
        leaf has nothing to pair up). Change one character of the data and the root, the header and
        every hash change.
      </p>
    </div>

    <div class="mine-field">
      <label class="field-label" for="mine-prev">Previous block hash</label>
      <input id="mine-prev" class="input input-mono" type="text" spellcheck="false" autocomplete="off"
        autocapitalize="off" maxlength="80" aria-describedby="mine-prev-error mine-prev-explain" data-testid="mine-prev" />
      <p id="mine-prev-error" class="field-error" aria-live="polite" data-testid="mine-prev-error"></p>
      <p id="mine-prev-explain" class="explain">
        64 hex digits: the hash of the block this one builds on, as explorers show it (inside the header
        its bytes are stored reversed). This is the link that makes a chain. All zeros means “no parent”,
        as in Bitcoin’s genesis block; after you mine a block, it is filled in for the next one.
      </p>
    </div>

    <div class="mine-field">
      <label class="field-label" for="mine-time">Timestamp <span class="muted">(Unix seconds)</span></label>
      <div class="inline-controls">
        <input id="mine-time" class="input input-mono mine-num" type="text" inputmode="numeric" autocomplete="off"
          aria-describedby="mine-time-error mine-time-utc mine-time-explain" data-testid="mine-time" />
        <button type="button" class="button" data-testid="mine-time-now">Now</button>
      </div>
      <p id="mine-time-utc" class="hint" aria-live="polite" data-testid="mine-time-utc"></p>
      <p id="mine-time-error" class="field-error" aria-live="polite" data-testid="mine-time-error"></p>
      <p id="mine-time-explain" class="explain">
        Seconds since 1 January 1970 (UTC) when the miner says it made the block. Bitcoin accepts a time
        after the median of the previous 11 blocks and at most two hours ahead of the network’s clock.
      </p>
    </div>

    <fieldset class="mine-field mine-difficulty">
      <legend class="field-label">Difficulty</legend>
      <div class="mode">
        <label class="mode-option">
          <input type="radio" name="mine-difficulty" value="zeros" checked data-testid="mine-mode-zeros" />
          Leading zero bits
        </label>
        <label class="mode-option">
          <input type="radio" name="mine-difficulty" value="bits" data-testid="mine-mode-bits" />
          A real nBits value
        </label>
      </div>
      <div data-testid="mine-zeros-box">
        <label class="field-label" for="mine-zero-bits">Zero bits <span class="muted">(1 to 40)</span></label>
        <div class="inline-controls">
          <input id="mine-zero-bits" class="input input-mono mine-num" type="number" min="1" max="40" step="1"
            aria-describedby="mine-zero-bits-error mine-zero-bits-explain" data-testid="mine-zero-bits" />
          <input class="mine-range" type="range" min="1" max="40" step="1" aria-label="Zero bits (slider)" data-testid="mine-zero-range" />
        </div>
        <p id="mine-zero-bits-error" class="field-error" aria-live="polite" data-testid="mine-zero-bits-error"></p>
        <p id="mine-zero-bits-explain" class="explain">
          How many zero bits the hash must start with. Each extra bit halves the target and doubles the
          expected work: 20 bits is about a million hashes, 32 bits about 4.3 billion (Bitcoin’s easiest
          difficulty, “difficulty 1”). Bitcoin today needs more than 70 bits’ worth.
        </p>
      </div>
      <div data-testid="mine-nbits-box" hidden>
        <label class="field-label" for="mine-nbits">nBits <span class="muted">(hex, e.g. 0x1f00ffff)</span></label>
        <input id="mine-nbits" class="input input-mono mine-num" type="text" spellcheck="false" autocomplete="off"
          autocapitalize="off" aria-describedby="mine-nbits-error mine-nbits-explain" data-testid="mine-nbits" />
        <p id="mine-nbits-error" class="field-error" aria-live="polite" data-testid="mine-nbits-error"></p>
        <p id="mine-nbits-explain" class="explain">
          The compact form a real header stores: the first byte is the target’s length in bytes, the
          other three its leading digits. 0x1d00ffff is difficulty 1; 0x1f00ffff is 256 times easier.
          A negative, overflowing or zero value is not a usable target.
        </p>
      </div>
    </fieldset>

    <details class="mine-field mine-more">
      <summary>First nonce to try</summary>
      <label class="field-label" for="mine-start">Start at nonce <span class="muted">(0 to 4294967295)</span></label>
      <input id="mine-start" class="input input-mono mine-num" type="text" inputmode="numeric" autocomplete="off"
        aria-describedby="mine-start-error mine-start-explain" data-testid="mine-start" />
      <p id="mine-start-error" class="field-error" aria-live="polite" data-testid="mine-start-error"></p>
      <p id="mine-start-explain" class="explain">
        Start near the top (say 4294967000) to see what happens when the nonces run out.
      </p>
    </details>
  </fieldset>

  <div class="mine-field">
    <h3>Target</h3>
    <output class="mine-digest" data-testid="mine-target" aria-describedby="mine-target-explain"></output>
    <p class="mine-derived"><span data-testid="mine-target-summary"></span></p>
    <p id="mine-target-explain" class="explain">
      A header’s SHA-256d, read as one 256-bit number, must be at most this target. A lower target
      leaves fewer hashes that qualify, so it takes more tries to hit one: that is all “harder” means.
      Hashes are unpredictable, so there is no shortcut but trying.
    </p>
  </div>

  <div class="mine-field">
    <h3>Header <span class="muted">(80 bytes, the only thing that is hashed)</span></h3>
    <code class="mine-header-hex" data-testid="mine-header-hex"></code>
    <ul class="header-legend" data-testid="mine-header-legend"></ul>
  </div>
</section>

<section class="panel mine-run" aria-labelledby="mine-run-title" data-contents-label="2. Mine">
  <h2 id="mine-run-title">2. Mine it</h2>
  <div class="mine-field">
    <label class="field-label" for="mine-threads">Threads <span class="muted" data-testid="mine-threads-range"></span></label>
    <input id="mine-threads" class="input input-mono mine-num" type="number" min="1" step="1"
      aria-describedby="mine-threads-error mine-threads-explain" data-testid="mine-threads" />
    <p id="mine-threads-error" class="field-error" aria-live="polite" data-testid="mine-threads-error"></p>
    <p id="mine-threads-explain" class="explain">
      Background workers hashing side by side, each on its own slice of the nonces. More threads than
      your device’s logical cores only share the same cores.
    </p>
  </div>

  <div class="mine-field mine-gpu">
    <label class="mode-option">
      <input type="checkbox" aria-describedby="mine-gpu-note" data-testid="mine-gpu" disabled />
      Mine on the GPU (WebGPU) instead of the threads
    </label>
    <label class="field-label" for="mine-gpu-duty">GPU load</label>
    <select id="mine-gpu-duty" class="input" data-testid="mine-gpu-duty" disabled>
      <option value="1" selected>full: dispatch after dispatch</option>
      <option value="0.5">about half: a rest after each dispatch</option>
      <option value="0.25">about a quarter: cooler, slower</option>
    </select>
    <p id="mine-gpu-note" class="hint" aria-live="polite" data-testid="mine-gpu-note">Checking for WebGPU…</p>
  </div>

  <div class="run-buttons">
    <button type="button" class="button button-primary" data-testid="mine-start-button">Start mining</button>
    <button type="button" class="button" data-testid="mine-pause" disabled>Pause</button>
    <button type="button" class="button" data-testid="mine-stop" disabled>Stop</button>
  </div>
  <div data-testid="mine-busy" hidden></div>
  <p class="field-error" role="alert" data-testid="mine-form-error"></p>

  <p class="run-status" aria-live="polite" data-testid="mine-status" data-state="idle">Ready. Nothing is hashed until you press Start.</p>
  <p class="run-job muted" data-testid="mine-job"></p>

  <div class="run-progress">
    <label for="mine-progress" class="field-label">Work done, against the work expected</label>
    <progress id="mine-progress" max="1000" value="0" data-testid="mine-progress"></progress>
    <p class="hint" data-testid="mine-progress-text">—</p>
  </div>

  <dl class="run-stats">
    <div><dt>Nonces tried</dt><dd data-testid="mine-hashes">0</dd></div>
    <div><dt>Nonce now <span class="muted">(about)</span></dt><dd data-testid="mine-nonce">—</dd></div>
    <div><dt>Hashrate</dt><dd data-testid="mine-rate">—</dd><dd class="rate-note" data-testid="mine-rate-note" hidden></dd></div>
    <div><dt>Elapsed</dt><dd data-testid="mine-elapsed">—</dd></div>
    <div><dt>Expected time</dt><dd data-testid="mine-expected">—</dd></div>
    <div><dt>Chance of a block by now</dt><dd data-testid="mine-chance">—</dd></div>
  </dl>
  <p class="explain">
    Expected time = expected hashes (about 2<sup>bits</sup>) ÷ hashrate. It is an average, not a
    countdown: every hash is an independent lottery ticket, so a block can come after a handful of
    tries or after several times the expected work. Even once the expected time has passed there is
    still a 37% chance (e<sup>−1</sup>) of no block yet.
  </p>

  <div class="mine-field">
    <h3>Hash now</h3>
    <output class="mine-digest" data-testid="mine-current-hash">—</output>
    <p class="explain">
      The header’s SHA-256d at the nonce being tried about now, recomputed on this page a few times a
      second. Each nonce gives a completely different hash.
    </p>
  </div>

  <div class="mine-field">
    <h3>Best hash so far</h3>
    <output class="mine-digest" data-testid="mine-best-hash">—</output>
    <p class="mine-derived">
      <strong data-testid="mine-best-zeros">—</strong> leading zero bits
      <span class="muted" data-testid="mine-best-nonce"></span>
    </p>
    <p class="bits-line" data-testid="mine-best-bits" aria-label="The first bits of the best hash"></p>
  </div>

  <p class="run-note" data-testid="mine-rolls" hidden></p>
  <details class="run-note">
    <summary>What happens when the nonces run out?</summary>
    <p class="explain">
      The nonce is only 32 bits: 4,294,967,296 values. At 32 bits of difficulty or more, all of them
      may fail. Real miners then change something else in the header: they move the timestamp on
      (“nTime rolling”) or change an extra nonce inside the block’s first transaction, which changes
      the merkle root. Either way the header is new, so every nonce gives new hashes. PoW Lab moves the
      time on by one second and starts again from nonce 0.
    </p>
  </details>
  <ul class="run-incidents" aria-live="polite" data-testid="mine-incidents"></ul>

  <div class="found" data-testid="mine-found" hidden></div>
</section>
</div>

<section class="panel" aria-labelledby="mine-chain-title" data-contents-label="3. Chain">
  <div class="chain-head">
    <h2 id="mine-chain-title">3. The chain</h2>
    <button type="button" class="button" data-testid="chain-reset" disabled>Start a new chain</button>
  </div>
  <p class="explain">
    Every block names the hash of the block before it. Edit an old block’s data below: its hash
    changes, so it no longer meets its target, and the next block no longer points at it. Each later
    block is broken too, because it sits on a broken block. To repair the chain you would have to redo
    the proof of work of that block and of every block after it: that is why old blocks are hard to
    rewrite.
  </p>
  <p class="chain-summary" aria-live="polite" data-testid="chain-summary">No blocks yet: mine one above.</p>
  <ol class="chain" data-testid="chain"></ol>
</section>

<section class="panel" aria-labelledby="real-title" data-contents-label="Real blocks">
  <h2 id="real-title">Re-mine a real Bitcoin block</h2>
  <p class="explain">
    Pick a block from Bitcoin’s history. PoW Lab takes its header exactly as the chain recorded it,
    starts a little below the nonce its miner found, and searches upwards, on the threads chosen above.
    It should find the very same nonce and hash.
  </p>
  <div class="real-controls">
    <div class="mine-field">
      <label class="field-label" for="real-select">Block</label>
      <select id="real-select" class="input" data-testid="real-select"></select>
    </div>
    <div class="mine-field">
      <label class="field-label" for="real-offset">Start this many nonces below the real one</label>
      <input id="real-offset" class="input input-mono mine-num" type="text" inputmode="numeric" autocomplete="off"
        aria-describedby="real-offset-error real-offset-explain" data-testid="real-offset" />
      <p id="real-offset-error" class="field-error" aria-live="polite" data-testid="real-offset-error"></p>
      <p id="real-offset-explain" class="explain">
        Starting at nonce 0 would take minutes or hours in a browser; the real miners had the same luck
        to find. A million below takes a moment.
      </p>
    </div>
  </div>
  <p class="real-source">Source: <span data-testid="real-source"></span></p>
  <dl class="run-stats real-facts">
    <div><dt>Height</dt><dd data-testid="real-height"></dd></div>
    <div><dt>Recorded nonce</dt><dd data-testid="real-recorded-nonce"></dd></div>
    <div><dt>nBits</dt><dd data-testid="real-bits"></dd></div>
  </dl>
  <div class="mine-field">
    <h3>Recorded hash</h3>
    <output class="mine-digest" data-testid="real-recorded-hash"></output>
  </div>
  <div class="mine-field">
    <h3>Header</h3>
    <code class="mine-header-hex" data-testid="real-header-hex"></code>
    <ul class="header-legend" data-testid="real-header-legend"></ul>
  </div>

  <div class="run-buttons">
    <button type="button" class="button button-primary" data-testid="real-start">Re-mine this block</button>
    <button type="button" class="button" data-testid="real-stop" disabled>Stop</button>
  </div>
  <div data-testid="real-busy" hidden></div>
  <p class="field-error" role="alert" data-testid="real-form-error"></p>
  <p class="run-status" aria-live="polite" data-testid="real-status" data-state="idle">Ready.</p>
  <div class="run-progress">
    <label for="real-progress" class="field-label">Nonces searched, up to the recorded one</label>
    <progress id="real-progress" max="1000" value="0" data-testid="real-progress"></progress>
    <p class="hint" data-testid="real-progress-text">—</p>
  </div>
  <div class="found" data-testid="real-result" hidden>
    <dl class="run-stats">
      <div><dt>Nonce found</dt><dd data-testid="real-nonce"></dd></div>
      <div><dt>Matches the chain</dt><dd data-testid="real-match"></dd></div>
      <div><dt>Time</dt><dd data-testid="real-time"></dd></div>
    </dl>
    <h3>Hash found</h3>
    <output class="mine-digest" data-testid="real-hash"></output>
    <p class="explain" data-testid="real-verdict"></p>
  </div>
</section>
</div>
`;
