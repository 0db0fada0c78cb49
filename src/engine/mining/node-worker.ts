// worker_threads entry: the worker API on the parent port.
import { parentPort } from 'node:worker_threads';
import { expose } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { installErrorTransfer } from '../errors.js';
import { createWorkerApi } from './worker-api.js';

installErrorTransfer();
if (!parentPort) throw new Error('node-worker must run in a worker thread');
expose(createWorkerApi(), nodeEndpoint(parentPort));
