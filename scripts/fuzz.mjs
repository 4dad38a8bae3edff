// Bundles the fuzzer with esbuild and runs it with plain node: under a TypeScript loader the
// 50,000-line input ran many times slower than the code it measures.
import { spawnSync } from 'node:child_process';
import * as esbuild from 'esbuild';

await esbuild.build({
  entryPoints: ['test/fuzz/run.ts'],
  outfile: 'dist-test/fuzz/run.js',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  mainFields: ['module', 'main'],
  logLevel: 'warning',
});
const result = spawnSync(process.execPath, ['dist-test/fuzz/run.js', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exitCode = result.status ?? 1;
