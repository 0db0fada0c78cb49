// FPPS (full pay per share): PPS (pps.ts, Rosenfeld 2011 §2.2) that also pays each share its
// expected part of the transaction fees, (1 - f) p (subsidy + fees). Most large pools pay this way.

import { makePerShareScheme } from './pps.js';

export const fpps = makePerShareScheme(
  'fpps',
  true,
  'FPPS (full pay per share)',
  'Like PPS, every share is paid at once whatever the pool finds, but the payment also includes your expected share of the transaction fees. Most large pools pay this way today.',
);
