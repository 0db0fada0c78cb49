// Cross-origin isolation without server headers: the service worker answers every same-origin request
// itself, so it can add the two headers a static host (python3 -m http.server, GitHub Pages, a USB
// stick behind any server) cannot set. With them the next document load is crossOriginIsolated, which
// is what SharedArrayBuffer (live counters, a stop within milliseconds) needs. The technique is
// coi-serviceworker's; this is our own small version of it.

export const ISOLATION_HEADERS: Readonly<Record<string, string>> = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/** The response with the isolation headers set; an opaque or error response (status 0) cannot be rebuilt and is returned as it is. */
export function withIsolation(response: Response): Response {
  if (response.status === 0) return response;
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(ISOLATION_HEADERS)) headers.set(name, value);
  // A 204/304 has no body; the Response constructor refuses a body with them.
  const body = response.status === 204 || response.status === 304 ? null : response.body;
  return new Response(body, { status: response.status, statusText: response.statusText, headers });
}
