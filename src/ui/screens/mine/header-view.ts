// The 80-byte header shown as its 160 hex digits, each field in its own colour, with a legend that
// decodes every field. Used by the block editor, the found block and the real-block panel.

import { headerSegments } from '../../../model/block.js';
import { parseHeader } from '../../../model/header.js';
import { formatBits } from '../../../model/target.js';
import { h } from '../../shared/dom.js';
import { formatCount, formatUtc } from '../../shared/format.js';

const MEANING: Record<string, string> = {
  version: 'which rules the block follows',
  prevHash: 'the hash of the block this one builds on',
  merkleRoot: 'a fingerprint of every transaction in the block',
  time: 'when the miner says the block was made',
  bits: 'the target, in compact form',
  nonce: 'the number miners change to get a new hash',
};

/**
 * Fills `hexOut` with the coloured digits and `legend` (when given) with one row per field. The header's hex is
 * also put on `hexOut` as data-header-hex, for tests and for copying.
 */
export function renderHeader(hexOut: HTMLElement, legend: HTMLElement | undefined, header: Uint8Array): void {
  const segments = headerSegments(header);
  const fields = parseHeader(header);
  hexOut.replaceChildren(
    ...segments.map((s) => h('span', { class: `hf hf-${s.field}`, text: s.hex, attrs: { title: `${s.label}: bytes ${s.offset}–${s.offset + s.size - 1}` } })),
  );
  hexOut.dataset['headerHex'] = segments.map((s) => s.hex).join('');
  if (!legend) return;

  const decoded: Record<string, string> = {
    version: `${fields.version} (stored little-endian, so 01 comes first)`,
    prevHash: fields.prevHash,
    merkleRoot: fields.merkleRoot,
    time: `${formatCount(fields.time)} = ${formatUtc(fields.time)}`,
    bits: formatBits(fields.bits),
    nonce: formatCount(fields.nonce),
  };
  legend.replaceChildren(
    ...segments.map((s) =>
      h(
        'li',
        { class: 'legend-row' },
        h('span', { class: `legend-swatch hf-${s.field}`, attrs: { 'aria-hidden': 'true' } }),
        h('span', { class: 'legend-name', text: `${s.label} (${s.size} bytes)` }),
        h('span', { class: 'legend-value', text: decoded[s.field] ?? '', attrs: { 'data-field': s.field } }),
        h('span', { class: 'legend-meaning', text: MEANING[s.field] ?? '' }),
      ),
    ),
  );
}
