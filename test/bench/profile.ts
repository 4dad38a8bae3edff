// `tsx test/bench/profile.ts [rounds] [analysis|requests]`: profiles the analysis (or hover and completion) with --cpu-prof and prints where the time goes.
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as esbuild from 'esbuild';
import { summariseProfile, type CpuProfile } from './profileSummary';

const projectRoot = path.resolve(__dirname, '..', '..');

async function main(): Promise<void> {
  const rounds = process.argv[2] ?? '2';
  const workload = process.argv[3] ?? 'analysis';
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dfa-profile-'));
  const bundle = path.join(outDir, 'workload.js');
  // A readable bundle: its `// path` markers name the source file of every profiled line.
  await esbuild.build({
    entryPoints: [path.join(__dirname, 'profileWorkload.ts')],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    minify: false,
    logLevel: 'warning',
  });
  const corpusDir = path.resolve(projectRoot, '..', 'shared', 'corpus', 'dockerfiles');
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${outDir}`, bundle, corpusDir, rounds, workload], { stdio: 'inherit', timeout: 15 * 60_000 });
    child.on('error', reject);
    child.on('exit', resolve);
  });
  const profileFile = fs.readdirSync(outDir).find((name) => name.endsWith('.cpuprofile'));
  if (code !== 0 || !profileFile) {
    throw new Error(`the profiled workload failed (exit ${code})`);
  }
  const profile = JSON.parse(fs.readFileSync(path.join(outDir, profileFile), 'utf8')) as CpuProfile;
  console.log(summariseProfile(profile, fs.readFileSync(bundle, 'utf8'), 30));
  console.log(`\nprofile: ${path.join(outDir, profileFile)} (open it in Chrome DevTools > Performance)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
