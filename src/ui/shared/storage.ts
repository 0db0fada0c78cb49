// localStorage that never throws: storage can be disabled (privacy settings), full, or hold
// something another version wrote. Reads go through a parser; a value it rejects reads as absent.
// Every write announces itself in this tab (the 'storage' event only reaches other tabs), so a screen
// can follow a key whichever tab changed it.

const CHANGED = 'powlab:stored';

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

/** The stored value parsed by `parse` (JSON first), or undefined when absent, unreadable or rejected. */
export function readStored<T>(key: string, parse: (value: unknown) => T | undefined): T | undefined {
  let raw: string | null | undefined;
  try {
    raw = storage()?.getItem(key);
  } catch {
    return undefined;
  }
  if (raw === null || raw === undefined) return undefined;
  try {
    return parse(JSON.parse(raw));
  } catch {
    return undefined;
  }
}

/** Stores `value` as JSON; false when storage refused it (disabled, quota). */
export function writeStored(key: string, value: unknown): boolean {
  try {
    const store = storage();
    if (!store) return false;
    store.setItem(key, JSON.stringify(value));
  } catch {
    return false;
  }
  announce(key);
  return true;
}

export function removeStored(key: string): boolean {
  try {
    const store = storage();
    if (!store) return false;
    store.removeItem(key);
  } catch {
    return false;
  }
  announce(key);
  return true;
}

function announce(key: string): void {
  dispatchEvent(new CustomEvent<string>(CHANGED, { detail: key }));
}

/** Calls `listener` whenever `key` changes, in this tab or another; returns an unsubscribe. */
export function watchStored(key: string, listener: () => void): () => void {
  const here = (event: Event) => {
    if ((event as CustomEvent<string>).detail === key) listener();
  };
  const elsewhere = (event: StorageEvent) => {
    if (event.key === key || event.key === null) listener();
  };
  addEventListener(CHANGED, here);
  addEventListener('storage', elsewhere);
  return () => {
    removeEventListener(CHANGED, here);
    removeEventListener('storage', elsewhere);
  };
}
