// Entry point of the language server process (`dist/server.js`): the compile cache and the shell worker first, then the server.
import * as path from 'path';
import * as v8 from 'v8';
import { startShellWorker } from './shellWorkerClient';
import { compileCacheVariable, enableCompileCache } from './util/compileCache';

/**
 * V8 lets the heap grow up to four times what survived the last full collection before
 * collecting again. Each analysis of a long file leaves its previous model behind as
 * garbage, so on a 20,000-instruction file the server swung between 450 MB and 2.4 GB
 * across edits. Growing by 20% at most kept it between 400 and 450 MB for the same edits
 * at the same speed (measured with the benchmark's memory section).
 */
v8.setFlagsFromString('--heap-growing-percent=20');
enableCompileCache(process.env[compileCacheVariable]);
const shellWorker = startShellWorker(path.join(__dirname, 'shell-worker.js'));
// A separate bundle, so that the cache sees it compiled; see scripts/build.mjs.
(require('./server-core.js') as typeof import('./server')).runServer({ shellWorker });
