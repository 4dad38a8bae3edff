import * as fs from 'fs';
import { startServer } from '../protocol/lspClient';
void (async () => {
  for (let i = 0; i < 3; i++) {
  const s = performance.now();
  const server = await startServer({});
  const init = performance.now() - s;
  await server.open('file:///x/Dockerfile', fs.readFileSync('examples/python-venv/Dockerfile', 'utf8'));
  await server.diagnostics('file:///x/Dockerfile');
  console.log('init', init.toFixed(0), 'diag', (performance.now() - s).toFixed(0));
  console.log(server.stderr());
  await server.stop();
  }
})();
