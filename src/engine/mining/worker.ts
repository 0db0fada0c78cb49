// Web Worker entry: the worker API on the worker's own scope.
import { expose } from 'comlink';
import { createWorkerApi } from './worker-api.js';

expose(createWorkerApi());
