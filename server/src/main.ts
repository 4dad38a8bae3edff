// Entry point of the language server process (`dist/server.js`): the compile cache and the shell worker first, then the server.
import * as path from 'path';
import { startShellWorker } from './shellWorkerClient';
import { compileCacheVariable, enableCompileCache } from './util/compileCache';

enableCompileCache(process.env[compileCacheVariable]);
const shellWorker = startShellWorker(path.join(__dirname, 'shell-worker.js'));
// A separate bundle, so that the cache sees it compiled; see scripts/build.mjs.
(require('./server-core.js') as typeof import('./server')).runServer({ shellWorker });
