// Worker thread (`dist/shell-worker.js`): loads mvdan-sh while the server itself starts, then parses the scripts of the first analyses.
import { parentPort } from 'worker_threads';
import { loadShellParser, parseScriptText } from './model/shell';
import type { ShellWorkerReply, ShellWorkerRequest } from './shellWorkerClient';

// mvdan-sh's Go runtime takes about 100 ms to start; here it does so on the second core.
loadShellParser();

parentPort?.on('message', (request: ShellWorkerRequest) => {
  const reply: ShellWorkerReply = { id: request.id, parsed: request.texts.map((text) => parseScriptText(text)) };
  parentPort?.postMessage(reply);
});
