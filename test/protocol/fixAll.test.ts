// `source.fixAll.dockerfileAdvisor` over JSON-RPC, as `editor.codeActionsOnSave` asks for it, plus the refactors at the cursor.
import { strict as assert } from 'assert';
import { spawn } from 'child_process';
import { existsSync } from 'fs';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, Range } from 'vscode-languageserver-types';
import { serverPath, startServer, type TestServer } from './lspClient';

const uri = 'file:///work/project/Dockerfile';
const fixable = [
  'from golang:1.22 AS build',
  'RUN apt-get update && apt-get install curl',
  'MAINTAINER someone@example.com',
  'RUN go build -o /out/app .',
  'FROM alpine:3.20',
  'ARG TARGETARCH',
  'COPY --from=build /out/app /app',
  'ENTRYPOINT /app',
  '',
].join('\n');
const wholeFile: Range = { start: { line: 0, character: 0 }, end: { line: 9, character: 0 } };

describe('fix all and refactors over JSON-RPC', function () {
  let server: TestServer;

  before(function () {
    if (!existsSync(serverPath)) {
      throw new Error('dist/server.js is missing: run `npm run build` first');
    }
  });

  beforeEach(async () => {
    server = await startServer({ locale: 'en' });
  });

  afterEach(async () => {
    await server.stop();
  });

  const codeActions = (range: Range, only: string[] | undefined, diagnostics: Diagnostic[] = []): Promise<CodeAction[]> =>
    server.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics, only } }) as Promise<CodeAction[]>;

  const apply = (text: string, action: CodeAction): string =>
    TextDocument.applyEdits(TextDocument.create(uri, 'dockerfile', 1, text), action.edit?.changes?.[uri] ?? []);

  it('advertises the fix-all kind and refactors among its code action kinds', async () => {
    const child = spawn(process.execPath, [serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    connection.listen();
    try {
      const result = (await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} })) as {
        capabilities: { codeActionProvider?: { codeActionKinds?: string[] } };
      };
      const kinds = result.capabilities.codeActionProvider?.codeActionKinds ?? [];
      assert.ok(kinds.includes('source.fixAll.dockerfileAdvisor') && kinds.includes('refactor'), kinds.join(', '));
    } finally {
      connection.dispose();
      child.kill();
    }
  });

  for (const only of [['source.fixAll'], ['source.fixAll.dockerfileAdvisor']]) {
    it(`answers only: ${JSON.stringify(only)} with one fix-all action that removes the fixable findings`, async () => {
      server.open(uri, fixable);
      const before = await server.diagnostics(uri, 1);
      const codes = before.map((d) => String(d.code));
      for (const code of ['MaintainerDeprecated', 'AptGetMissingYes', 'JSONArgsRecommended']) {
        assert.ok(codes.includes(code), `${code} expected in ${codes.join(', ')}`);
      }
      const actions = await codeActions(wholeFile, only);
      assert.deepEqual(actions.map((a) => a.kind), ['source.fixAll.dockerfileAdvisor'], JSON.stringify(actions.map((a) => a.title)));
      const fixed = apply(fixable, actions[0]);
      assert.match(fixed, /^LABEL org\.opencontainers\.image\.authors="someone@example\.com"$/m);
      assert.match(fixed, /apt-get install -y /);
      assert.match(fixed, /^ENTRYPOINT \["\/app"\]$/m);

      server.change(uri, 2, [{ text: fixed }]);
      const after = (await server.diagnostics(uri, 2)).map((d) => String(d.code));
      for (const code of ['MaintainerDeprecated', 'AptGetMissingYes', 'JSONArgsRecommended']) {
        assert.ok(!after.includes(code), `${code} left after fix-all: ${after.join(', ')}`);
      }
    });
  }

  it('keeps the kinds apart: a quick-fix request gets no fix-all, a fix-all request no quick fix', async () => {
    server.open(uri, fixable);
    await server.diagnostics(uri, 1);
    const quick = await codeActions({ start: { line: 2, character: 0 }, end: { line: 2, character: 3 } }, ['quickfix']);
    assert.ok(quick.length > 0 && quick.every((a) => a.kind === 'quickfix'), JSON.stringify(quick.map((a) => [a.kind, a.title])));
    const fixAll = await codeActions(wholeFile, ['source.fixAll']);
    assert.ok(fixAll.every((a) => a.kind === 'source.fixAll.dockerfileAdvisor'));
  });

  it('offers the refactors at the cursor: the build task on the first FROM, $BUILDPLATFORM and "Copy from stage"', async () => {
    server.open(uri, fixable);
    await server.diagnostics(uri, 1);
    const onFirstFrom = await codeActions({ start: { line: 0, character: 2 }, end: { line: 0, character: 2 } }, ['refactor']);
    const task = onFirstFrom.find((a) => a.title === 'Add a multi-platform build task');
    assert.deepEqual(task?.command, { title: 'Add a multi-platform build task', command: 'dockerfileAdvisor.addBuildTask', arguments: [uri] });
    const buildPlatform = onFirstFrom.find((a) => a.title.startsWith('Use $BUILDPLATFORM'));
    assert.ok(buildPlatform, JSON.stringify(onFirstFrom.map((a) => a.title)));
    assert.match(apply(fixable, buildPlatform), /^from --platform=\$BUILDPLATFORM golang:1\.22 AS build\narg TARGETOS TARGETARCH\n/);
    assert.match(apply(fixable, buildPlatform), /GOOS=\$TARGETOS GOARCH=\$TARGETARCH go build/);

    const inRuntime = await codeActions({ start: { line: 6, character: 0 }, end: { line: 6, character: 0 } }, ['refactor']);
    const copy = inRuntime.find((a) => a.title === 'Copy /out/app from stage build');
    assert.equal(copy?.kind, 'refactor.rewrite', JSON.stringify(inRuntime.map((a) => a.title)));
    assert.match(apply(fixable, copy), /^COPY --from=build \/out\/app \/out\/app$/m);
  });
});
