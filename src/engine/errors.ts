// Errors that cross a worker boundary keep what the page needs. Comlink's own handler sends an
// Error's name, message and stack only, so an InputError would arrive without its field and the
// page could not put the message beside the right input. This handler sends the field too and
// rebuilds a real InputError; every other error goes through as Comlink sends it. Both ends (the
// worker that throws and the page that awaits) must install it.
import { transferHandlers, type TransferHandler } from 'comlink';
import { InputError, isInputError } from '../model/validate.js';

type Thrown = { value: unknown };
type Wire = { isError: true; value: { name: string; message: string; stack?: string; field?: string } } | { isError: false; value: unknown };

let installed = false;

export function installErrorTransfer(): void {
  if (installed) return;
  installed = true;
  const comlinks = transferHandlers.get('throw') as TransferHandler<Thrown, Wire>;
  const handler: TransferHandler<Thrown, Wire> = {
    canHandle: comlinks.canHandle,
    serialize(thrown) {
      const { value } = thrown;
      if (!isInputError(value)) return comlinks.serialize(thrown);
      const wire: Wire = { isError: true, value: { name: value.name, message: value.message, field: value.field } };
      if (value.stack !== undefined) wire.value.stack = value.stack;
      return [wire, []];
    },
    deserialize(wire) {
      if (wire.isError && wire.value.name === 'InputError' && typeof wire.value.field === 'string') {
        // The message already carries the "field: " prefix; rebuild without adding it twice.
        const error = new InputError(wire.value.field, '');
        error.message = wire.value.message;
        throw error;
      }
      return comlinks.deserialize(wire);
    },
  };
  transferHandlers.set('throw', handler as TransferHandler<unknown, unknown>);
}
