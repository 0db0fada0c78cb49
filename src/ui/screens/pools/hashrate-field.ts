// A hashrate typed as a number and a unit: the value field `<id>` and its unit select `<id>-unit`,
// whose option values are the factors 1, 1000, … 10^18 (H/s to EH/s, template.ts).
import type { Fields } from '../../shared/fields.js';
import { ABOVE_ZERO, decimal } from './parsers.js';

const LARGEST_POWER = 6; // EH/s

/** The hashrate in H/s, or undefined with the problem shown beside the field. */
export function readHashrate(fields: Fields, id: string): number | undefined {
  const factor = Number(fields.get<HTMLSelectElement>(`${id}-unit`).value);
  return fields.get(id).read(decimal({ min: ABOVE_ZERO, factor }));
}

/** Writes a hashrate in the largest unit below it: 4.5e6 H/s becomes "4.5" MH/s. */
export function writeHashrate(fields: Fields, id: string, hashrate: number): void {
  let power = 0;
  while (power < LARGEST_POWER && hashrate >= 1000 ** (power + 1)) power++;
  fields.get<HTMLSelectElement>(`${id}-unit`).value = String(1000 ** power);
  fields.get(id).value = String(Number((hashrate / 1000 ** power).toPrecision(6)));
}

/** Starts the unit select at a factor (1e12 for TH/s). */
export function setUnit(fields: Fields, id: string, factor: number): void {
  fields.get<HTMLSelectElement>(`${id}-unit`).value = String(factor);
}
