// Entry point of the language server process (`dist/server.js`): the compile cache first, then the server.
import { compileCacheVariable, enableCompileCache } from './util/compileCache';

enableCompileCache(process.env[compileCacheVariable]);
// A separate bundle, so that the cache sees it compiled; see scripts/build.mjs.
(require('./server-core.js') as typeof import('./server')).runServer();
