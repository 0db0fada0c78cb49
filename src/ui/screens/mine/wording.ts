// How this screen words a value its fields refuse: the message as written, without its "field: "
// prefix, since the label beside it already names the field ("41 is outside 1..40").
import type { Describe } from '../../shared/fields.js';

export const asWritten: Describe = (error) => error.message.replace(/^[\w-]+: /, '');
