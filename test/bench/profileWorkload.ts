// The workload `profile.ts` runs under --cpu-prof: analysis of the corpus and of a 5,000-instruction file, or requests on it.
import * as fs from 'fs';
import * as path from 'path';
import { createAdvisorService } from '../../server/src/service/advisorService';
import { syntheticDockerfile } from './synthetic';

async function main(): Promise<void> {
  const [corpusDir, roundsText, workload] = process.argv.slice(2);
  const rounds = Number(roundsText) || 2;
  if (workload === 'requests') {
    // Hover and completion across an analysed file, as the server answers them between edits.
    const file = syntheticDockerfile(5000, 10, 1);
    const service = createAdvisorService();
    const doc = service.analyse('file:///big/Dockerfile', 1, file.text);
    doc.findings();
    const lines = file.text.split('\n');
    let answered = 0;
    for (let round = 0; round < rounds; round++) {
      for (let k = 0; k < 200; k++) {
        const line = Math.floor(((k + 0.5) * (lines.length - 1)) / 200);
        const position = { line, character: k % 2 === 0 ? 1 : lines[line].length };
        answered += service.hover(doc, position) ? 1 : 0;
        answered += (await service.completion(doc, position)).length > 0 ? 1 : 0;
      }
    }
    console.log(`profiled ${rounds} rounds of 200 hovers and completions, ${answered} answered`);
    return;
  }
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
}

void main();
