// Each difficulty algorithm's colour, the same in the checkboxes, the summary table and the charts,
// taken from the charts' colour-blind-safe palette.
import type { AlgorithmId } from '../../../sim/daa/index.js';
import { PALETTE } from '../../shared/charts/kit.js';
import { h } from '../../shared/dom.js';

export const ALGORITHM_COLORS: Record<AlgorithmId, string> = {
  bitcoin: PALETTE[1]!,
  asert: PALETTE[0]!,
  lwma: PALETTE[2]!,
  sma: PALETTE[3]!,
};

/** The grey of the reference lines (600 s, the difficulty that would give 600 s). */
export const REFERENCE_COLOR = PALETTE[7]!;

/** A small square of the algorithm's colour, beside its name. */
export function swatch(id: AlgorithmId): HTMLElement {
  const square = h('span', { class: 'diff-swatch', attrs: { 'aria-hidden': 'true' } });
  // Set through the CSSOM: the CSP allows no inline style attributes.
  square.style.backgroundColor = ALGORITHM_COLORS[id];
  return square;
}
