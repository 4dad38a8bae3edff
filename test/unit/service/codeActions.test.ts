// Code actions at the cursor: "Copy from stage...", "Add a multi-platform build task", "Use $BUILDPLATFORM", fix-all kinds.
import { strict as assert } from 'assert';
import type { CodeAction, Range, TextEdit } from 'vscode-languageserver-types';
import { parseDockerfile } from '../../../server/src/model/parseDockerfile';
import { addBuildTaskCommand, findingActions, fixAllKind } from '../../../server/src/service/codeActions';
import { syntaxSource, validateModel } from '../../../server/src/service/validation';
import { applyEdits } from '../fixes/corpus';
import { cursor } from '../helpers/analyse';

const uri = 'file:///work/app/Dockerfile';

function actionsAt(fixture: string, only?: string[]): { text: string; actions: CodeAction[] } {
  const { text, position } = cursor(fixture);
  const model = parseDockerfile(text);
  const range: Range = { start: position, end: position };
  return { text, actions: findingActions(model, uri, validateModel(model, { uri }), range, only) };
}

function editsOf(action: CodeAction): TextEdit[] {
  return action.edit?.changes?.[uri] ?? [];
}

const goFile = [
  'FROM golang:1.22 AS build',
  'WORKDIR /src',
  'COPY . .',
  'RUN CGO_ENABLED=0 go build -o /out/app ./cmd/app',
  '',
  'FROM alpine:3.20',
  'ARG TARGETARCH',
  'RUN echo "building for $TARGETARCH"',
  'COPY --from=build /out/app /usr/local/bin/app',
  'ENTRYPOINT ["/usr/local/bin/app"]',
  '',
].join('\n');

const titled = (actions: CodeAction[], pattern: RegExp): CodeAction[] => actions.filter((a) => pattern.test(a.title));

describe('code actions at the cursor', () => {
  describe('Copy from stage...', () => {
    const venv = ['FROM python:3.12 AS build', 'RUN python -m venv /opt/venv', 'FROM python:3.12-slim', 'WORKDIR /app', '|CMD ["python"]', ''].join('\n');

    it('offers one refactor per path an earlier stage made, inserting the COPY after the instruction at the cursor', () => {
      const { text, actions } = actionsAt(venv);
      const copies = titled(actions, /^Copy .* from stage /);
      assert.deepEqual(copies.map((a) => [a.title, a.kind]), [['Copy /opt/venv from stage build', 'refactor.rewrite']]);
      assert.equal(applyEdits(text, editsOf(copies[0])), ['FROM python:3.12 AS build', 'RUN python -m venv /opt/venv', 'FROM python:3.12-slim', 'WORKDIR /app', 'CMD ["python"]', 'COPY --from=build /opt/venv /opt/venv', ''].join('\n'));
    });

    it('offers nothing in the first stage, nor when only quick fixes are asked for', () => {
      assert.equal(titled(actionsAt(venv.replace('|', '').replace('RUN python', '|RUN python')).actions, /from stage/).length, 0);
      assert.equal(titled(actionsAt(venv, ['quickfix']).actions, /from stage/).length, 0);
      assert.equal(titled(actionsAt(venv, ['refactor']).actions, /from stage/).length, 1);
    });
  });

  describe('Add a multi-platform build task', () => {
    it('is a refactor on the first FROM that runs the client command with the Dockerfile URI', () => {
      const { actions } = actionsAt(`FR|OM alpine:3.20\nRUN true\n`);
      const add = titled(actions, /^Add a multi-platform build task$/);
      assert.equal(add.length, 1);
      assert.equal(add[0].kind, 'refactor');
      assert.equal(add[0].edit, undefined);
      assert.deepEqual(add[0].command, { title: 'Add a multi-platform build task', command: addBuildTaskCommand, arguments: [uri] });
    });

    it('is not offered on other lines, on a later FROM, or for quick fixes or rewrites only', () => {
      assert.equal(titled(actionsAt(`FROM alpine:3.20\nRUN |true\n`).actions, /build task/).length, 0);
      assert.equal(titled(actionsAt(`FROM alpine:3.20 AS a\nFROM |alpine:3.20\n`).actions, /build task/).length, 0);
      assert.equal(titled(actionsAt(`FROM |alpine:3.20\n`, ['quickfix']).actions, /build task/).length, 0);
      assert.equal(titled(actionsAt(`FROM |alpine:3.20\n`, ['refactor.rewrite']).actions, /build task/).length, 0);
    });
  });

  describe('Use $BUILDPLATFORM for this build stage', () => {
    it('on a Go build stage: FROM --platform, ARG TARGETOS TARGETARCH, and GOOS/GOARCH on go build', () => {
      const { text, actions } = actionsAt(goFile.replace('FROM golang', 'FROM |golang'));
      const [refactor] = titled(actions, /^Use \$BUILDPLATFORM/);
      assert.ok(refactor, JSON.stringify(actions.map((a) => a.title)));
      assert.equal(refactor.kind, 'refactor.rewrite');
      const fixed = applyEdits(text, editsOf(refactor));
      assert.equal(fixed, [
        'FROM --platform=$BUILDPLATFORM golang:1.22 AS build',
        'ARG TARGETOS TARGETARCH',
        'WORKDIR /src',
        'COPY . .',
        'RUN CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /out/app ./cmd/app',
        ...goFile.split('\n').slice(4),
      ].join('\n'));
      const after = validateModel(parseDockerfile(fixed), { uri });
      assert.deepEqual(after.filter((f) => f.diagnostic.source === syntaxSource || f.severity === 'error').map((f) => f.diagnostic.message), []);
      assert.equal(titled(actionsAt(fixed.replace('FROM --platform', 'FROM |--platform')).actions, /BUILDPLATFORM/).length, 0, 'not offered twice');
    });

    it('keeps what the author set: declared ARGs, lower-case keywords, GOARCH given on the command', () => {
      const lower = ['from golang:1.22 as build', 'arg TARGETOS', 'run GOARCH=arm64 go build -o /app . && go build -o /tool ./tool', 'from --platform=$TARGETPLATFORM alpine', 'copy --from=build /app /app', ''].join('\n');
      const { text, actions } = actionsAt(lower.replace('from golang', 'from golang|'));
      const [refactor] = titled(actions, /^Use \$BUILDPLATFORM/);
      assert.equal(applyEdits(text, editsOf(refactor)), [
        'from --platform=$BUILDPLATFORM golang:1.22 as build',
        'arg TARGETARCH',
        'arg TARGETOS',
        'run GOARCH=arm64 GOOS=$TARGETOS go build -o /app . && GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /tool ./tool',
        ...lower.split('\n').slice(3),
      ].join('\n'));
    });

    it('on a Rust stage only adds the FROM flag, and says cargo needs a target', () => {
      const rust = ['FROM rust:1.80 AS build', 'RUN cargo build --release', 'FROM --platform=$TARGETPLATFORM debian:12-slim', 'COPY --from=build /target/release/app /app', ''].join('\n');
      const { text, actions } = actionsAt(rust.replace('FROM rust', '|FROM rust'));
      const [refactor] = titled(actions, /^Use \$BUILDPLATFORM/);
      assert.match(refactor.title, /cargo build a --target/);
      assert.equal(applyEdits(text, editsOf(refactor)), rust.replace('FROM rust', 'FROM --platform=$BUILDPLATFORM rust'));
    });

    it('on a .NET stage only adds the FROM flag, and says dotnet publish needs the runtime', () => {
      const dotnet = ['FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build', 'ARG TARGETARCH', 'RUN dotnet publish -a $TARGETARCH -o /app', 'FROM mcr.microsoft.com/dotnet/aspnet:8.0', 'COPY --from=build /app /app', ''].join('\n');
      const { text, actions } = actionsAt(`|${dotnet}`);
      const [refactor] = titled(actions, /^Use \$BUILDPLATFORM/);
      assert.match(refactor.title, /dotnet publish the runtime/);
      assert.equal(applyEdits(text, editsOf(refactor)), dotnet.replace('FROM mcr', 'FROM --platform=$BUILDPLATFORM mcr'));
    });

    it('is not offered for a file that builds for one platform, the final stage, a stage others build FROM, or a stage without a compiler', () => {
      const single = goFile.replace('ARG TARGETARCH\nRUN echo "building for $TARGETARCH"\n', '');
      assert.equal(titled(actionsAt(single.replace('FROM golang', 'FROM |golang')).actions, /BUILDPLATFORM/).length, 0, 'single platform');
      assert.equal(titled(actionsAt(goFile.replace('FROM alpine', 'FROM |alpine')).actions, /BUILDPLATFORM/).length, 0, 'final stage');
      const based = goFile.replace('FROM alpine:3.20', 'FROM build AS test\nRUN go test ./...\nFROM alpine:3.20');
      assert.equal(titled(actionsAt(based.replace('FROM golang', 'FROM |golang')).actions, /BUILDPLATFORM/).length, 0, 'base of another stage');
      const noCompiler = goFile.replace('RUN CGO_ENABLED=0 go build -o /out/app ./cmd/app', 'RUN make');
      assert.equal(titled(actionsAt(noCompiler.replace('FROM golang', 'FROM |golang')).actions, /BUILDPLATFORM/).length, 0, 'no compiler');
    });
  });

  describe('fix all', () => {
    const fixable = 'from alpine:3.20\nRUN apk add curl\nMAINTAINER me@example.com\n';

    it('with a way to re-analyse, repeats until fixes that touched the same spot are all in', () => {
      // The casing fix and the MAINTAINER-to-LABEL fix both rewrite line 2: one pass can take only one of them.
      const text = 'FROM alpine:3.20\nmaintainer me@example.com\nRUN true\n';
      const reanalyse = (next: string) => validateModel(parseDockerfile(next), { uri });
      const fixAll = (current: string, again?: typeof reanalyse): CodeAction[] =>
        findingActions(parseDockerfile(current), uri, reanalyse(current), { start: { line: 0, character: 0 }, end: { line: 3, character: 0 } }, ['source.fixAll'], again);
      const onePass = applyEdits(text, editsOf(fixAll(text)[0]));
      assert.equal(onePass, 'FROM alpine:3.20\nMAINTAINER me@example.com\nRUN true\n');
      const repeated = applyEdits(text, editsOf(fixAll(text, reanalyse)[0]));
      assert.equal(repeated, 'FROM alpine:3.20\nLABEL org.opencontainers.image.authors="me@example.com"\nRUN true\n');
      assert.deepEqual(fixAll(repeated, reanalyse), [], 'nothing is left to fix');
    });

    it('is returned for source.fixAll and source.fixAll.dockerfileAdvisor, and only for them', () => {
      for (const only of [['source.fixAll'], ['source.fixAll.dockerfileAdvisor'], ['source']]) {
        const { actions } = actionsAt(`|${fixable}`, only);
        assert.deepEqual(actions.map((a) => a.kind), [fixAllKind], `only ${only.join()}`);
      }
      for (const only of [undefined, ['quickfix'], ['refactor']]) {
        assert.ok(!actionsAt(`|${fixable}`, only).actions.some((a) => a.kind === fixAllKind), `only ${String(only)}`);
      }
    });
  });
});
