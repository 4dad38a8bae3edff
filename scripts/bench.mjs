// `npm run bench`: bundles the benchmark with the shipped bundles' options and runs it with plain Node.
//
// The benchmark times our analysis in its own process (sections 1 and 2). Run through tsx, that
// code is tsx's transform of the sources, which wraps every named function and closure in a
// `__name(...)` call (esbuild's keepNames); the analysis creates many closures per document, and
// those calls made it measure 20-30% slower than the bundle users run. So the benchmark and
// the children it starts are bundled here as `npm run package` bundles the server.
import { spawn } from 'child_process';
import * as path from 'path';
import { fileURLToPath } from 'url';
import * as esbuild from 'esbuild';
import { bundleOptions } from './buildOptions.mjs';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// Two levels below the root, as test/bench is, so the paths the benchmark builds from __dirname hold.
const outdir = path.join(projectRoot, '.cache', 'bench');

await esbuild.build({
  ...bundleOptions(true),
  entryPoints: ['run', 'corpusPass', 'startProbe'].map((name) => path.join(projectRoot, 'test', 'bench', `${name}.ts`)),
  outdir,
});
const child = spawn(process.execPath, [path.join(outdir, 'run.js'), ...process.argv.slice(2)], { cwd: projectRoot, stdio: 'inherit' });
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
