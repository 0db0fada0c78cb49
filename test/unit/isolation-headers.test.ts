import { describe, expect, it } from 'vitest';
import { ISOLATION_HEADERS, withIsolation } from '../../src/service-worker/isolation-headers.js';

describe('withIsolation (the service worker adds COOP/COEP a static host cannot send)', () => {
  it('sets both headers, keeps the others, the status and the body', async () => {
    const original = new Response('wasm bytes', { status: 200, statusText: 'OK', headers: { 'Content-Type': 'application/wasm', 'Cross-Origin-Opener-Policy': 'unsafe-none' } });
    const isolated = withIsolation(original);
    expect(isolated.headers.get('Cross-Origin-Opener-Policy')).toBe('same-origin');
    expect(isolated.headers.get('Cross-Origin-Embedder-Policy')).toBe('require-corp');
    expect(isolated.headers.get('Content-Type')).toBe('application/wasm');
    expect(isolated.status).toBe(200);
    expect(isolated.statusText).toBe('OK');
    expect(await isolated.text()).toBe('wasm bytes');
  });

  it('names exactly the two headers cross-origin isolation needs', () => {
    expect(ISOLATION_HEADERS).toEqual({ 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' });
  });

  it('rebuilds a 404 and a bodyless 304 too, and leaves an opaque response (status 0) as it is', () => {
    expect(withIsolation(new Response('missing', { status: 404 })).headers.get('Cross-Origin-Embedder-Policy')).toBe('require-corp');
    expect(withIsolation(new Response(null, { status: 304 })).status).toBe(304);
    const opaque = Response.error();
    expect(withIsolation(opaque)).toBe(opaque);
  });
});
