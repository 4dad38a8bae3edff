// One pass over the real Dockerfiles in a fresh process, so every file's first analysis meets a cold shell parse cache.
import * as fs from 'fs';
import { createAdvisorService } from '../../server/src/service/advisorService';
import { timed } from './stats';
import { theirValidate } from './theirs';
import { syntheticDockerfile } from './synthetic';

export interface CorpusSample {
  readonly file: string;
  readonly lines: number;
  /** First analysis of the text in this process. */
  readonly oursCold: number;
  readonly oursColdCpu: number;
  /** The same text again on a fresh service: only the shell parse cache is warm. */
  readonly oursWarm: number;
  readonly theirs: number;
  readonly theirsCpu: number;
}

const analyse = (text: string): number => createAdvisorService().analyse('file:///bench/Dockerfile', 1, text).findings().length;

function main(): void {
  const [listFile, seedText] = process.argv.slice(2);
  const files = JSON.parse(fs.readFileSync(listFile, 'utf8')) as string[];
  // Warm the JIT on text that shares no RUN with the files measured.
  for (let i = 0; i < 5; i++) {
    const warmUp = syntheticDockerfile(300, 5, 1_000_000 + i).text;
    analyse(warmUp);
    theirValidate(warmUp);
  }
  // A different order in each pass spreads what the JIT learns late over all files.
  let seed = Number(seedText) || 1;
  const order = files.map((file) => ({ file, key: (seed = (seed * 48271) % 2147483647) }));
  order.sort((a, b) => a.key - b.key);
  const samples: CorpusSample[] = [];
  for (const { file } of order) {
    const text = fs.readFileSync(file, 'utf8');
    const theirs = timed(() => theirValidate(text));
    const cold = timed(() => analyse(text));
    const warm = timed(() => analyse(text));
    samples.push({
      file,
      lines: text.split('\n').length,
      oursCold: cold.wallMs,
      oursColdCpu: cold.cpuMs,
      oursWarm: warm.wallMs,
      theirs: theirs.wallMs,
      theirsCpu: theirs.cpuMs,
    });
  }
  process.stdout.write(JSON.stringify(samples));
}

main();
