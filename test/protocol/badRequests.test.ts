import { strict as assert } from 'assert';
import type { Hover } from 'vscode-languageserver-types';
import { messageText, startServer, type TestServer } from './lspClient';

const uri = 'file:///work/project/Dockerfile';
const text = 'FROM alpine:3.20\nCMD echo hi\n';

/** A normal request that must still succeed after every bad one. */
async function stillServes(server: TestServer): Promise<void> {
  const hover = (await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 1 } })) as Hover | null;
  assert.ok(hover, 'the server still answers a normal hover');
  assert.equal(server.process.exitCode, null, 'the server process is still running');
}

async function settle<T>(request: Promise<T>): Promise<{ result?: T; error?: { code?: number; message: string } }> {
  try {
    return { result: await request };
  } catch (error) {
    return { error: error as { code?: number; message: string } };
  }
}

describe('language server under bad requests', () => {
  let server: TestServer;

  beforeEach(async () => {
    server = await startServer({ settings: { rules: 'not an object', language: 42, maxFileSize: 'big', buildContext: null } });
    server.open(uri, text);
    await server.diagnostics(uri, 1);
  });

  afterEach(async () => {
    await server.stop();
  });

  it('answers positions out of range with empty results', async () => {
    for (const position of [{ line: 9999, character: 0 }, { line: 0, character: 99999 }, { line: -3, character: -7 }]) {
      for (const method of ['textDocument/hover', 'textDocument/completion', 'textDocument/signatureHelp', 'textDocument/definition', 'textDocument/documentHighlight']) {
        const { error } = await settle(server.connection.sendRequest(method, { textDocument: { uri }, position }));
        assert.equal(error, undefined, `${method} at ${JSON.stringify(position)}: ${error?.message}`);
      }
    }
    await stillServes(server);
  });

  it('answers requests about unknown documents with empty results', async () => {
    const other = { textDocument: { uri: 'file:///nowhere/Dockerfile' } };
    assert.equal(await server.connection.sendRequest('textDocument/hover', { ...other, position: { line: 0, character: 0 } }), null);
    assert.deepEqual(await server.connection.sendRequest('textDocument/documentSymbol', other), []);
    assert.deepEqual(await server.connection.sendRequest('textDocument/codeAction', { ...other, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } }), []);
    await stillServes(server);
  });

  it('answers malformed parameters and unknown methods with an error, and keeps serving', async () => {
    const missing = await settle(server.connection.sendRequest('textDocument/hover', { position: { line: 0, character: 0 } }));
    assert.ok(missing.error !== undefined || missing.result === null);
    const unknown = await settle(server.connection.sendRequest('dockerfileAdvisor/noSuchMethod', {}));
    assert.equal(unknown.error?.code, -32601);
    void server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: 'file:///never/opened', version: 3 }, contentChanges: [{ text: 'x' }] });
    await stillServes(server);
  });

  it('ignores malformed settings and keeps the defaults', async () => {
    const diagnostics = await (async () => {
      server.change(uri, 2, [{ text: `${text}# edited\n` }]);
      return server.diagnostics(uri, 2);
    })();
    assert.ok(diagnostics.some((d) => d.code === 'JSONArgsRecommended' && d.severity === 2), 'default severity kept');
    await stillServes(server);
  });

  it('survives binary content, NUL bytes, lone surrogates and a broken heredoc', async () => {
    const nasty = `\ufeffFROM alpine\0\nRUN <<EOF\n\ud800\u0000${'\u0001'.repeat(50)}\nCOPY --from= --chmod=x a\r\n\rEXPOSE 80/TCP 1.2.3.4:1:2\n`;
    server.change(uri, 2, [{ text: nasty }]);
    const diagnostics = await server.diagnostics(uri, 2);
    assert.ok(Array.isArray(diagnostics));
    await stillServes(server);
  });

  it('says a file over dockerfileAdvisor.maxFileSize is not analysed, instead of hanging', async () => {
    await server.stop();
    server = await startServer({ settings: { maxFileSize: 4096 } });
    server.open(uri, `FROM alpine\n${'RUN echo x\n'.repeat(1000)}`);
    const diagnostics = await server.diagnostics(uri, 1);
    assert.equal(diagnostics.length, 1);
    assert.match(messageText(diagnostics[0]), /larger than 4096 bytes/);
  });

  it('refuses requests after shutdown but exits cleanly on exit', async () => {
    await server.connection.sendRequest('shutdown');
    const after = await settle(server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 1 } }));
    assert.ok(after.error !== undefined || after.result === null, 'no normal answer after shutdown');
    const exited = new Promise<number | null>((resolve) => server.process.on('exit', (code) => resolve(code)));
    void server.connection.sendNotification('exit');
    assert.equal(await exited, 0);
  });
});
