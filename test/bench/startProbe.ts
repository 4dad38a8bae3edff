// Measures server start to first diagnostics from a process that does nothing else, so that the figure is the server's, not a busy client's.
import * as fs from 'fs';
import { startToFirstDiagnostics } from './serverBench';

async function main(): Promise<void> {
  const [textFile, runs, envJson] = process.argv.slice(2);
  const env = JSON.parse(envJson) as NodeJS.ProcessEnv;
  const result = await startToFirstDiagnostics(fs.readFileSync(textFile, 'utf8'), Number(runs), env);
  process.stdout.write(JSON.stringify(result));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
