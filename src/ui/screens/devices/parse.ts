// The number fields of the odds, economics and rig forms, as parsers for the kit's Field.read: each
// throws an InputError naming its field, in words for the learner (Field shows it beside the field).
import { InputError } from '../../../model/validate.js';
import { formatCount } from '../../shared/format.js';

const NUMBER = /^\s*[+-]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?\s*$/i;

export interface AmountRule {
  /** Smallest allowed; `above` makes it exclusive (a difficulty must be above 0). */
  min: number;
  above?: boolean;
  max: number;
}

/** A decimal number in the rule's range ("1.1e14" allowed). */
export function amount(field: string, rule: AmountRule): (text: string) => number {
  return (text) => {
    if (text === '') throw new InputError(field, 'enter a number');
    const n = NUMBER.test(text) ? Number(text) : NaN;
    if (Number.isNaN(n)) throw new InputError(field, `“${text}” is not a number`);
    if (!Number.isFinite(n)) throw new InputError(field, `${text} is too large to be a number`);
    if (rule.above ? n <= rule.min : n < rule.min) throw new InputError(field, rule.above ? `must be above ${rule.min}` : `must be at least ${rule.min}`);
    if (n > rule.max) throw new InputError(field, `must be at most ${formatCount(rule.max)}`);
    return n;
  };
}

/** Like amount, but an empty field means "not given" (null). */
export function optionalAmount(field: string, rule: AmountRule): (text: string) => number | null {
  const parse = amount(field, rule);
  return (text) => (text === '' ? null : parse(text));
}

/** A whole number from min to max (a rig's count of one machine). */
export function wholeNumber(field: string, min: number, max: number): (text: string) => number {
  return (text) => {
    const n = /^\s*\d+\s*$/.test(text) ? Number(text) : NaN;
    if (!Number.isSafeInteger(n) || n < min || n > max) throw new InputError(field, `enter a whole number from ${formatCount(min)} to ${formatCount(max)}`);
    return n;
  };
}
