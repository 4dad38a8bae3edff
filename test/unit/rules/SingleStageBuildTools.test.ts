import { strict as assert } from 'assert';
import { SingleStageBuildTools } from '../../../server/src/rules/guide/SingleStageBuildTools';
import { applyFix, linesOf, runRule, textOf } from '../helpers/analyse';

describe('SingleStageBuildTools', () => {
  it('reports compilers and -dev packages that stay in a single-stage image', () => {
    const text = 'FROM python:3.12\nRUN apt-get update && apt-get install -y gcc libpq-dev\nRUN pip install psycopg2\n';
    const [finding] = runRule(text, SingleStageBuildTools).findings;
    assert.equal(textOf(text, finding.diagnostic.range), 'gcc');
    assert.match(String(finding.diagnostic.message), /gcc, libpq-dev/);
    assert.equal(finding.severity, 'info');
  });

  it('reports build commands: go build, npm ci with dev dependencies, mvn package', () => {
    assert.deepEqual(linesOf('FROM golang:1.23\nWORKDIR /src\nRUN go build -o /app .\n', SingleStageBuildTools), [3]);
    assert.deepEqual(linesOf('FROM node:22\nRUN npm ci\n', SingleStageBuildTools), [2]);
    assert.deepEqual(linesOf('FROM maven:3.9-eclipse-temurin-21\nRUN mvn -B package\n', SingleStageBuildTools), [2]);
  });

  it('accepts production installs, build deps removed in the same RUN, and multi-stage files', () => {
    assert.deepEqual(linesOf('FROM node:22\nRUN npm ci --omit=dev\n', SingleStageBuildTools), []);
    assert.deepEqual(linesOf('FROM node:22\nENV NODE_ENV=production\nRUN npm install\n', SingleStageBuildTools), []);
    assert.deepEqual(linesOf('FROM alpine:3.20\nRUN apk add --virtual .b gcc musl-dev && make && apk del .b\n', SingleStageBuildTools), []);
    assert.deepEqual(linesOf('FROM golang:1.23 AS b\nRUN go build -o /app .\nFROM scratch\nCOPY --from=b /app /app\n', SingleStageBuildTools), []);
  });

  it('splits into build and runtime stages, moving CMD and EXPOSE to the runtime stage', () => {
    const text = 'FROM python:3.12\nWORKDIR /app\nRUN apt-get update && apt-get install -y gcc\nCOPY . .\nRUN pip install -r requirements.txt\nEXPOSE 8000\nCMD ["python", "app.py"]\n';
    const [fix] = runRule(text, SingleStageBuildTools).findings[0].fixes();
    assert.equal(fix.title, 'Split into build and runtime stages');
    assert.equal(applyFix(text, fix), [
      'FROM python:3.12 AS build',
      'WORKDIR /app',
      'RUN apt-get update && apt-get install -y gcc',
      'COPY . .',
      'RUN pip install -r requirements.txt',
      '',
      'FROM python:3.12-slim AS runtime',
      'WORKDIR /app',
      'COPY --from=build /app /app',
      'COPY --from=build /usr/local/lib/python3.12/site-packages /usr/local/lib/python3.12/site-packages',
      'COPY --from=build /usr/local/bin /usr/local/bin',
      'EXPOSE 8000',
      'CMD ["python", "app.py"]',
      '',
    ].join('\n'));
  });

  it('copies a working directory with a space in the JSON form, which keeps the path whole', () => {
    // Found by the fuzzer: the plain form split `/srv/my app` into two sources and a destination.
    const text = 'FROM golang:1.23\nWORKDIR /srv/my app\nRUN go build -o server .\n';
    const [fix] = runRule(text, SingleStageBuildTools).findings[0].fixes();
    const fixed = applyFix(text, fix);
    assert.ok(fixed.includes('\nCOPY --from=build ["/srv/my app", "/srv/my app"]\n'), fixed);
    assert.ok(fixed.includes('\nWORKDIR /srv/my app\n'), fixed);
  });

  it('offers no split where the file is broken at the places it would copy or write to', () => {
    // Found by running the fix properties on mutated corpus files.
    const fixesOf = (text: string): string[] => runRule(text, SingleStageBuildTools).findings.flatMap((f) => f.fixes().map((fix) => fix.title));
    const sound = 'FROM golang:1.23\nENV CGO_ENABLED=0\nRUN go build -o /app .\n';
    assert.deepEqual(fixesOf(sound), ['Split into build and runtime stages']);
    // A heredoc with no end takes in the lines after it: the new stage would be part of the RUN.
    assert.deepEqual(fixesOf(`${sound}RUN <<EOF\necho unfinished\n`), []);
    // An ENV with an open quote: the runtime stage would copy the error.
    assert.deepEqual(fixesOf(sound.replace('CGO_ENABLED=0', 'CGO_ENABLED="0 \\\nGOOS=linux')), []);
  });
});

