// Worker thread (`dist/shell-worker.js`): loads mvdan-sh while the server itself starts, then parses the scripts of the first analyses.
import { parentPort } from 'worker_threads';
import { loadShellParser, parseScriptText } from './model/shell';
import { compileCacheVariable, enableCompileCache } from './util/compileCache';
import type { ShellWorkerReply, ShellWorkerRequest } from './shellWorkerClient';

// The compile cache is per thread; where Node has one, mvdan-sh's 1.3 MB is compiled once.
enableCompileCache(process.env[compileCacheVariable]);
// mvdan-sh's Go runtime takes about 100 ms to start; here it does so on the second core.
loadShellParser();

parentPort?.on('message', (request: ShellWorkerRequest) => {
  const reply: ShellWorkerReply = { id: request.id, parsed: request.texts.map((text) => parseScriptText(text)) };
  parentPort?.postMessage(reply);
});
