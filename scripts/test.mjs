// Runs every test suite of the project in order and prints one closing summary line.
// Usage: node scripts/test.mjs [--only phase,phase] [--skip phase,phase]
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = path.resolve(root, '..', 'shared');
const argv = process.argv.slice(2);
const listArg = (name) => {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] ? argv[i + 1].split(',') : undefined;
};
const only = listArg('--only');
const skip = listArg('--skip') ?? [];
const mocha = ['node_modules/.bin/mocha', '--require', 'tsx/cjs', '--reporter', 'spec'];

/** Each phase: a name, the command, and whether its output is mocha's (counted per test). */
const phases = [
  { name: 'typecheck', cmd: ['node_modules/.bin/tsc', '--noEmit', '-p', '.'] },
  { name: 'lint', cmd: ['node_modules/.bin/eslint', 'server/src', 'client/src', 'test'] },
  { name: 'build', cmd: ['node', 'scripts/build.mjs'] },
  { name: 'unit', cmd: [...mocha, 'test/unit/**/*.test.ts'], mocha: true },
  { name: 'cli', cmd: [...mocha, '--timeout', '20000', 'test/cli/**/*.test.ts'], mocha: true },
  { name: 'protocol', cmd: [...mocha, '--timeout', '20000', 'test/protocol/**/*.test.ts'], mocha: true },
  { name: 'grammar', cmd: ['bash', 'test/grammar/run.sh'], optional: 'test/grammar/run.sh' },
  { name: 'conformance', cmd: ['node_modules/.bin/tsx', 'test/conformance/run.ts'], optional: 'test/conformance/run.ts', needsShared: true },
  { name: 'fuzz', cmd: ['node', 'scripts/fuzz.mjs', '--quick'], optional: 'test/fuzz/run.ts' },
  { name: 'docker', cmd: [...mocha, '--timeout', '300000', 'test/integration/docker/**/*.test.ts'], mocha: true, optional: 'test/integration/docker' },
  { name: 'package', cmd: ['npm', 'run', 'package', '--silent'] },
  { name: 'e2e', cmd: ['node_modules/.bin/tsx', 'test/e2e/run.ts', 'all'], mocha: true, optional: 'test/e2e/run.ts' },
];

function run(cmd) {
  return new Promise((resolve) => {
    const child = spawn(cmd[0], cmd.slice(1), { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0' } });
    let output = '';
    const forward = (stream, target) =>
      stream.on('data', (chunk) => {
        output += chunk.toString();
        target.write(chunk);
      });
    forward(child.stdout, process.stdout);
    forward(child.stderr, process.stderr);
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }));
    child.on('error', (error) => resolve({ code: 1, output: String(error) }));
  });
}

function countMocha(output) {
  const sum = (re) => [...output.matchAll(re)].reduce((n, m) => n + Number(m[1]), 0);
  return { passed: sum(/^\s*(\d+) passing/gm), failed: sum(/^\s*(\d+) failing/gm), skipped: sum(/^\s*(\d+) pending/gm) };
}

let passed = 0;
let failed = 0;
let skipped = 0;
const failures = [];
const started = Date.now();
for (const phase of phases) {
  if ((only && !only.includes(phase.name)) || skip.includes(phase.name)) {
    continue;
  }
  if (phase.optional && !existsSync(path.join(root, phase.optional))) {
    console.log(`\n=== ${phase.name}: not present yet, skipped`);
    skipped++;
    continue;
  }
  if (phase.needsShared && !existsSync(shared)) {
    console.log(`\n=== ${phase.name}: skipped: ../shared not found (it holds the conformance data and the corpus)`);
    skipped++;
    continue;
  }
  console.log(`\n=== ${phase.name}: ${phase.cmd.join(' ')}`);
  const t0 = Date.now();
  const { code, output } = await run(phase.cmd);
  const seconds = ((Date.now() - t0) / 1000).toFixed(1);
  if (phase.mocha) {
    const counts = countMocha(output);
    passed += counts.passed;
    failed += counts.failed;
    skipped += counts.skipped;
    if (code !== 0 && counts.failed === 0) {
      failed++;
    }
  } else if (code === 0) {
    passed++;
  } else {
    failed++;
  }
  if (code !== 0) {
    failures.push(phase.name);
  }
  console.log(`=== ${phase.name}: ${code === 0 ? 'ok' : `FAILED (exit ${code})`} in ${seconds}s`);
}
console.log(`\nPhases failed: ${failures.length > 0 ? failures.join(', ') : 'none'}; ${((Date.now() - started) / 1000).toFixed(0)}s in all.`);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exitCode = failures.length > 0 ? 1 : 0;
