// Bundles the extension-host suite (index.ts and every *.test.ts) into dist-test/e2e with esbuild.
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { projectRoot, suiteBundleDir, suiteSourceDir } from './paths';

/**
 * Each test file becomes its own bundle so that index.js can load them one by one after
 * mocha has defined `suite`/`test`; `vscode` is provided by the extension host.
 */
export async function bundleSuite(): Promise<string> {
  const testFiles = fs
    .readdirSync(suiteSourceDir)
    .filter((name) => name.endsWith('.test.ts'))
    .map((name) => path.join(suiteSourceDir, name));
  fs.rmSync(suiteBundleDir, { recursive: true, force: true });
  await esbuild.build({
    absWorkingDir: projectRoot,
    entryPoints: [path.join(suiteSourceDir, 'index.ts'), ...testFiles],
    outdir: suiteBundleDir,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    external: ['vscode'],
    logLevel: 'warning',
    // mocha's parallel mode (unused here) resolves worker files at run time.
    logOverride: { 'require-resolve-not-external': 'silent' },
  });
  return path.join(suiteBundleDir, 'index.js');
}
