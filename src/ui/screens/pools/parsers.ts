// How this screen reads its number fields, as parse functions for the kit's Field.read: each throws
// a RangeError worded for the learner (the words the screen has always used, which its tests check),
// so every bad field of a form is marked at once before anything is simulated. What only the model
// can judge (a pool smaller than its miner, too much work) comes back as an InputError from the
// worker or the model and is shown in the model's own words beside its field (modelWords).
import { isInputError, parseInteger, parseNumber } from '../../../model/validate.js';
import type { Describe, Fields } from '../../shared/fields.js';
import { formatCount } from '../../shared/format.js';

/** The smallest positive number: a minimum that means "above 0". */
export const ABOVE_ZERO = Number.MIN_VALUE;

export interface NumberRule {
  min?: number;
  max?: number;
  /** The unit the text is in (a hashrate unit select's factor); min and max apply after it. */
  factor?: number;
  /** Multiplies the value returned (a percentage field gives 0.02 for "2"). */
  scale?: number;
}

/** A decimal number (1.1e14 allowed) in [min, max]. */
export function decimal({ min = -Infinity, max = Infinity, factor = 1, scale = 1 }: NumberRule = {}): (text: string) => number {
  return (text) => {
    if (text === '') throw new RangeError('Enter a number.');
    let n: number;
    try {
      n = parseNumber(text, 'value', -Infinity, Infinity) * factor;
    } catch (error) {
      if (!isInputError(error)) throw error;
      throw new RangeError(`“${text}” is not a number.`);
    }
    if (!Number.isFinite(n * scale)) throw new RangeError('Too large to work with.');
    if (n < min) throw new RangeError(min === ABOVE_ZERO ? 'Must be above 0.' : `Must be at least ${min}.`);
    if (n > max) throw new RangeError(`Must be at most ${max}.`);
    return n * scale;
  };
}

/** A whole number in [min, max]. */
export function whole(min: number, max: number): (text: string) => number {
  return (text) => {
    try {
      return parseInteger(text, 'value', min, max);
    } catch (error) {
      if (!isInputError(error)) throw error;
      throw new RangeError(`Enter a whole number from ${formatCount(min)} to ${formatCount(max)}.`);
    }
  };
}

/** An InputError's message without its field name: "expected a difficulty from …", as the model words it. */
export const modelWords: Describe = (error) => (isInputError(error) ? error.message.slice(error.field.length + 2) : error.message);

/** Reads one field of a form: its value, or undefined with the message shown beside it. */
export type Reader = () => number | undefined;

export function decimalField(fields: Fields, id: string, rule?: NumberRule): Reader {
  return () => fields.get(id).read(decimal(rule));
}

export function wholeField(fields: Fields, id: string, min: number, max: number): Reader {
  return () => fields.get(id).read(whole(min, max));
}

/**
 * Reads every field of a form (so each bad one is marked), then gives all the values, or undefined
 * when any field was refused.
 */
export function readAll<K extends string>(readers: Record<K, Reader>): Record<K, number> | undefined {
  const values = {} as Record<K, number | undefined>;
  for (const key of Object.keys(readers) as K[]) values[key] = readers[key]();
  return Object.values(values).some((v) => v === undefined) ? undefined : (values as Record<K, number>);
}
