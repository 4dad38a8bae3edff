// The workload `profile.ts` runs under --cpu-prof: the corpus and a 5,000-instruction file, analysed many times.
import * as fs from 'fs';
import * as path from 'path';
import { createAdvisorService } from '../../server/src/service/advisorService';
import { syntheticDockerfile } from './synthetic';

const [corpusDir, roundsText] = process.argv.slice(2);
const rounds = Number(roundsText) || 3;
const corpus = fs.existsSync(corpusDir) ? fs.readdirSync(corpusDir).map((name) => fs.readFileSync(path.join(corpusDir, name), 'utf8')) : [];
let findings = 0;
for (let round = 0; round < rounds; round++) {
  for (const text of corpus) {
    findings += createAdvisorService().analyse('file:///corpus/Dockerfile', 1, text).findings().length;
  }
  // A new salt each round: every RUN is new to the shell parse cache, as on a first open.
  findings += createAdvisorService().analyse('file:///big/Dockerfile', 1, syntheticDockerfile(5000, 10, round).text).findings().length;
}
console.log(`profiled ${rounds} rounds, ${findings} findings`);
