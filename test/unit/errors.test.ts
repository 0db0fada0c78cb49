// An InputError thrown behind Comlink arrives as an InputError naming its field (engine/errors.ts);
// other errors arrive as Comlink sends them. Same-realm MessageChannel, as comlink's own tests do.
import { expose, wrap } from 'comlink';
import { afterEach, describe, expect, it } from 'vitest';
import { installErrorTransfer } from '../../src/engine/errors.js';
import { InputError, isInputError, parseInteger } from '../../src/model/validate.js';

const api = {
  threads(text: string): number {
    return parseInteger(text, 'mine-threads', 1, 64);
  },
  broken(): number {
    throw new RangeError('not an input problem');
  },
};

const ports: MessagePort[] = [];
afterEach(() => {
  for (const port of ports.splice(0)) port.close();
});

function remote() {
  const { port1, port2 } = new MessageChannel();
  ports.push(port1, port2);
  expose(api, port1);
  return wrap<typeof api>(port2);
}

describe('errors across a worker boundary', () => {
  it('keep an InputError’s name, field and message', async () => {
    installErrorTransfer();
    const error: unknown = await remote().threads('0').then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InputError);
    expect(isInputError(error)).toBe(true);
    expect((error as InputError).field).toBe('mine-threads');
    expect((error as InputError).message).toBe('mine-threads: 0 is outside 1..64');
  });

  it('pass other errors through with their name and message', async () => {
    installErrorTransfer();
    const error = await remote().broken().then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(error?.name).toBe('RangeError');
    expect(error?.message).toBe('not an input problem');
    expect(isInputError(error)).toBe(false);
  });

  it('installing twice changes nothing', async () => {
    installErrorTransfer();
    installErrorTransfer();
    await expect(remote().threads('x')).rejects.toMatchObject({ name: 'InputError', field: 'mine-threads' });
  });

  it('values still come back', async () => {
    installErrorTransfer();
    expect(await remote().threads('8')).toBe(8);
  });
});
