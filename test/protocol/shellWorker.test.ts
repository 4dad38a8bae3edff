// The shell worker thread parses the first analysis's scripts; without it the server parses them itself and loses nothing.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { serverPath, startServer, type TestServer } from './lspClient';

const uri = 'file:///worker/Dockerfile';
// Findings that exist only when the RUN lines' shell was parsed.
const text = 'FROM debian:12\nRUN curl -fsSL https://example.com/install.sh | sh\nRUN apt-get update && apt-get install curl\n';
const shellCodes = ['PipeWithoutPipefail', 'AptGetMissingYes', 'AptGetMissingNoInstallRecommends'];

async function firstCodes(server: TestServer): Promise<string[]> {
  server.open(uri, text);
  const diagnostics = await server.diagnostics(uri, 1);
  return diagnostics.map((d) => String(d.code));
}

describe('shell worker thread', function () {
  this.timeout(30_000);
  let server: TestServer | undefined;
  let copy: string | undefined;

  afterEach(async () => {
    await server?.stop();
    server = undefined;
    if (copy) {
      fs.rmSync(copy, { recursive: true, force: true });
      copy = undefined;
    }
  });

  it('gives the first diagnostics every shell finding', async () => {
    server = await startServer({ locale: 'en' });
    const codes = await firstCodes(server);
    for (const code of shellCodes) {
      assert.ok(codes.includes(code), `${code} in ${codes.join(', ')}`);
    }
  });

  it('gives the same first diagnostics when the worker cannot start (its file is missing)', async () => {
    copy = fs.mkdtempSync(path.join(os.tmpdir(), 'dfa-no-worker-'));
    const dist = path.dirname(serverPath);
    for (const file of fs.readdirSync(dist)) {
      if (file.endsWith('.js') && file !== 'shell-worker.js') {
        fs.copyFileSync(path.join(dist, file), path.join(copy, file));
      }
    }
    server = await startServer({ locale: 'en', serverPath: path.join(copy, 'server.js') });
    const codes = await firstCodes(server);
    for (const code of shellCodes) {
      assert.ok(codes.includes(code), `${code} in ${codes.join(', ')}`);
    }
    // The failed thread is reported nowhere as a crash: the server keeps answering.
    const hover = await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 1 } });
    assert.ok(hover);
  });
});
