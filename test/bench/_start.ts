import * as fs from 'fs';
import { startToFirstDiagnostics } from './serverBench';
void (async () => {
  const r = await startToFirstDiagnostics(fs.readFileSync('examples/python-venv/Dockerfile', 'utf8'), 7);
  console.log('first diag', r.samples.map((x) => x.toFixed(0)).join(' '), '| initialize', r.initialized.map((x) => x.toFixed(0)).join(' '));
})();
