// Web Worker entry: the worker API on the worker's own scope.
import { expose } from 'comlink';
import { installErrorTransfer } from '../errors.js';
import { createWorkerApi } from './worker-api.js';

installErrorTransfer();

expose(createWorkerApi());
