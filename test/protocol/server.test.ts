import { strict as assert } from 'assert';
import { existsSync } from 'fs';
import type { CodeAction, CompletionItem, DocumentSymbol, Hover, TextEdit } from 'vscode-languageserver-types';
import { messageText, serverPath, startServer, type TestServer } from './lspClient';

const uri = 'file:///work/project/Dockerfile';
const example = [
  'FROM python:3.12-slim AS build',
  'RUN python -m venv /opt/venv',
  'ENV PATH="/opt/venv/bin:$PATH"',
  'FROM python:3.12-slim',
  'COPY --from=build /opt/venv /opt/venv',
  'ENV PATH="/opt/venv/bin:$PATH"',
  'CMD python main.py',
  '',
].join('\n');

describe('language server over JSON-RPC', function () {
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

  it('publishes diagnostics with rule codes and docs links on open', async () => {
    server.open(uri, example);
    const diagnostics = await server.diagnostics(uri, 1);
    const json = diagnostics.find((d) => d.code === 'JSONArgsRecommended');
    assert.ok(json, `JSONArgsRecommended expected in ${JSON.stringify(diagnostics.map((d) => d.code))}`);
    assert.equal(json.range.start.line, 6);
    assert.match(json.codeDescription?.href ?? '', /^file:.*JSONArgsRecommended\.md$/);
    assert.equal(json.source, 'dockerfile-advisor');
  });

  it('publishes an opened file once when the pulled settings are those sent with initialize', async () => {
    await server.stop();
    server = await startServer({ locale: 'en', settings: {}, configuration: () => ({}) });
    server.open(uri, example);
    await server.diagnostics(uri, 1);
    await new Promise((resolve) => setTimeout(resolve, 400));
    assert.equal(server.untaken(uri), 0, 'a second publication of the same version');
  });

  it('follows incremental changes: a fix typed in removes the finding', async () => {
    server.open(uri, example);
    assert.ok((await server.diagnostics(uri, 1)).some((d) => d.code === 'JSONArgsRecommended'));
    server.change(uri, 2, [{ range: { start: { line: 6, character: 4 }, end: { line: 6, character: 18 } }, text: '["python", "main.py"]' }]);
    const after = await server.diagnostics(uri, 2);
    assert.ok(!after.some((d) => d.code === 'JSONArgsRecommended'), JSON.stringify(after));
  });

  it('answers hover, completion, symbols, formatting, folding and code actions', async () => {
    server.open(uri, example);
    await server.diagnostics(uri, 1);
    const hover = (await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 1 } })) as Hover | null;
    assert.ok(hover, 'hover on FROM');
    assert.match(JSON.stringify(hover.contents), /FROM|base image|imagen/i);

    const completion = (await server.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 7, character: 0 } })) as CompletionItem[] | { items: CompletionItem[] };
    const labels = (Array.isArray(completion) ? completion : completion.items).map((c) => c.label);
    assert.ok(labels.some((l) => l.startsWith('RUN')) && labels.some((l) => l.startsWith('COPY')), labels.join(','));

    const symbols = (await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as DocumentSymbol[];
    assert.deepEqual(symbols.map((s) => s.name), ['build', '#1']);
    assert.deepEqual(symbols[0].children?.map((c) => c.name), ['RUN', 'ENV']);

    const messy = 'FROM alpine\n   RUN echo hi\n';
    server.open('file:///work/project/messy.Dockerfile', messy);
    const edits = (await server.connection.sendRequest('textDocument/formatting', {
      textDocument: { uri: 'file:///work/project/messy.Dockerfile' },
      options: { tabSize: 4, insertSpaces: true },
    })) as TextEdit[];
    assert.ok(edits.length > 0, 'formatting removes the indentation of RUN');

    const actions = (await server.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 6, character: 0 }, end: { line: 6, character: 5 } },
      context: { diagnostics: [] },
    })) as CodeAction[];
    const toJson = actions.find((a) => a.title.includes('JSON'));
    assert.ok(toJson?.edit?.changes?.[uri], JSON.stringify(actions.map((a) => a.title)));
    assert.equal(toJson.edit.changes[uri][0].newText, '["python", "main.py"]');
  });

  it('speaks Spanish when the client locale is es-MX', async () => {
    await server.stop();
    server = await startServer({ locale: 'es-MX' });
    server.open(uri, example);
    const diagnostics = await server.diagnostics(uri, 1);
    const json = diagnostics.find((d) => d.code === 'JSONArgsRecommended');
    assert.ok(json);
    assert.match(messageText(json), /se recomienda|argumentos JSON/i);
  });

  it('switches language live when dockerfileAdvisor.language changes', async () => {
    await server.stop();
    let language = 'en';
    // Like the real client, the settings sent with `initialize` are the ones the first pull returns.
    server = await startServer({ locale: 'en', settings: { language }, configuration: () => ({ language }) });
    server.open(uri, example);
    const english = await server.diagnostics(uri, 1);
    assert.match(messageText(english.find((d) => d.code === 'JSONArgsRecommended')!), /recommended/);
    language = 'es';
    void server.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const spanish = await server.diagnostics(uri, 1);
    assert.match(messageText(spanish.find((d) => d.code === 'JSONArgsRecommended')!), /se recomienda|argumentos JSON/i);
  });

  it('applies rule severities from settings, by id or alias', async () => {
    await server.stop();
    server = await startServer({ settings: { rules: { DL3025: 'error' } } });
    server.open(uri, example);
    const diagnostics = await server.diagnostics(uri, 1);
    assert.equal(diagnostics.find((d) => d.code === 'JSONArgsRecommended')?.severity, 1);
  });

  it('shuts down and exits cleanly', async () => {
    await server.connection.sendRequest('shutdown');
    const exited = new Promise<number | null>((resolve) => server.process.on('exit', (code) => resolve(code)));
    void server.connection.sendNotification('exit');
    assert.equal(await exited, 0);
  });
});
