// comlink ships this adapter's types as node-adapter.d.ts beside node-adapter.mjs, which TypeScript
// does not pair with an .mjs import; this re-states its one export.
declare module 'comlink/dist/esm/node-adapter.mjs' {
  import type { Endpoint } from 'comlink';
  export interface NodeEndpoint {
    // any: mirrors the signatures of worker_threads MessagePort and Worker
    postMessage(message: any, transfer?: any): void;
    on(type: 'message', listener: (value: any) => void): unknown;
    off(type: 'message', listener: (value: any) => void): unknown;
    start?: () => void;
  }
  export default function nodeEndpoint(nep: NodeEndpoint): Endpoint;
}
