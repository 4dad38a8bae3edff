// The language server process: wires the AdvisorService to an LSP connection.
import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath } from 'url';
import * as l10n from '@vscode/l10n';
import {
  CodeActionKind,
  createConnection,
  ErrorCodes,
  ResponseError,
  DidChangeConfigurationNotification,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import type { FormatterSettings } from 'dockerfile-language-service';
import { chunkedTextDocuments, type ChunkedTextDocument } from './documents/chunkedTextDocument';
import { currentLanguage, resolveLanguage, setLanguage } from './l10n/locale';
import { allRules } from './rules/registry';
import type { BuildContext } from './rules/rule';
import { createAdvisorService, type AnalysedDocument } from './service/advisorService';
import { fixAllKind } from './service/codeActions';
import { defaultSettings, readSettings, type ServerSettings } from './settings';
import { describeError, onContainedFailure } from './util/contain';
import { limitHeapGrowth } from './util/heapGrowth';

/** How long diagnostics wait for typing to pause. */
const diagnosticsDelayMs = 40;

/** A long file (about 2,500 instructions and more): it turns on the heap growth limit (util/heapGrowth.ts). */
const longTextLength = 256 * 1024;

export function startServer(connection: Connection): void {
  const service = createAdvisorService();
  // Chunked, so that typing in a long file does not copy its whole text on every keystroke.
  const documents = new TextDocuments(chunkedTextDocuments);
  let settings: ServerSettings = defaultSettings;
  let clientLocale: string | undefined;
  let canPullConfiguration = false;
  const pending = new Map<string, NodeJS.Timeout>();
  let shutDown = false;

  onContainedFailure((failure) => {
    connection.console.warn(`${failure.what} failed and was contained: ${describeError(failure.error)}`);
  });

  const applyLanguage = (): void => {
    setLanguage(settings.language === 'auto' ? resolveLanguage(clientLocale) : settings.language);
  };

  const tooLarge = (document: ChunkedTextDocument): boolean => Buffer.byteLength(document.getText(), 'utf8') > settings.maxFileSize;

  const analysed = (uri: string): AnalysedDocument | undefined => {
    const document = documents.get(uri);
    if (!document || tooLarge(document)) {
      return undefined;
    }
    return service.analyse(uri, document.version, document.getText());
  };

  const buildContextOf = (uri: string): BuildContext => {
    if (!uri.startsWith('file:')) {
      return {};
    }
    try {
      const dockerfile = fileURLToPath(uri);
      const context = path.resolve(path.dirname(dockerfile), settings.buildContext);
      for (const candidate of [`${dockerfile}.dockerignore`, path.join(context, '.dockerignore')]) {
        if (fs.existsSync(candidate)) {
          return { dockerignore: fs.readFileSync(candidate, 'utf8') };
        }
      }
    } catch {
      // An unreadable context only means CopyIgnoredFile cannot check it.
    }
    return {};
  };

  const validationOptions = (uri: string) => ({ ruleSeverities: settings.rules, buildContext: buildContextOf(uri) });

  const publish = async (uri: string): Promise<void> => {
    const document = documents.get(uri);
    if (!document) {
      return;
    }
    if (tooLarge(document)) {
      void connection.sendDiagnostics({
        uri,
        version: document.version,
        diagnostics: [
          {
            range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
            severity: 3,
            source: 'dockerfile-advisor',
            message: l10n.t(
              'This file is larger than {0} bytes (setting dockerfileAdvisor.maxFileSize), so it is not analysed.',
              settings.maxFileSize,
            ),
          },
        ],
      });
      return;
    }
    const text = document.getText();
    if (text.length > longTextLength) {
      limitHeapGrowth();
    }
    const doc = service.analyse(uri, document.version, text);
    const diagnostics = service.diagnostics(doc, validationOptions(uri));
    // A newer version may have arrived while this one was analysed; its own run will publish.
    if (documents.get(uri)?.version === document.version) {
      void connection.sendDiagnostics({ uri, version: document.version, diagnostics });
    }
  };

  const schedule = (uri: string, delay = diagnosticsDelayMs): void => {
    const timer = pending.get(uri);
    if (timer) {
      clearTimeout(timer);
    }
    pending.set(
      uri,
      setTimeout(() => {
        pending.delete(uri);
        publish(uri).catch((error: unknown) => connection.console.error(`diagnostics of ${uri} failed: ${describeError(error)}`));
      }, delay),
    );
  };

  const refreshSettings = async (): Promise<void> => {
    const before = JSON.stringify([settings, currentLanguage()]);
    if (canPullConfiguration) {
      try {
        const [section] = (await connection.workspace.getConfiguration([{ section: 'dockerfileAdvisor' }])) as unknown[];
        settings = readSettings(section);
      } catch {
        settings = defaultSettings;
      }
    }
    applyLanguage();
    // The pull after `initialized` usually finds the settings the client sent with `initialize`: nothing to redo then.
    if (JSON.stringify([settings, currentLanguage()]) === before) {
      return;
    }
    for (const document of documents.all()) {
      schedule(document.uri, 0);
    }
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    clientLocale = params.locale;
    const options = params.initializationOptions as { settings?: unknown } | undefined;
    settings = readSettings(options?.settings);
    canPullConfiguration = params.capabilities.workspace?.configuration === true;
    applyLanguage();
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        completionProvider: { triggerCharacters: ['-', '=', ',', '$', '{', ':', ' ', '/'], resolveProvider: true },
        hoverProvider: true,
        signatureHelpProvider: { triggerCharacters: ['-', '[', ',', ' ', '='] },
        definitionProvider: true,
        documentHighlightProvider: true,
        renameProvider: { prepareProvider: true },
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        documentLinkProvider: { resolveProvider: false },
        semanticTokensProvider: {
          legend: {
            tokenTypes: ['keyword', 'comment', 'parameter', 'property', 'namespace', 'class', 'macro', 'string', 'variable', 'operator', 'modifier'],
            tokenModifiers: ['declaration', 'definition', 'deprecated'],
          },
          full: true,
        },
        documentFormattingProvider: true,
        documentRangeFormattingProvider: true,
        documentOnTypeFormattingProvider: { firstTriggerCharacter: '\\', moreTriggerCharacter: ['`'] },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.Refactor, CodeActionKind.SourceFixAll, fixAllKind] },
      },
      serverInfo: { name: 'dockerfile-advisor', version: '0.1.0' },
    };
  });

  connection.onShutdown(() => {
    shutDown = true;
    for (const timer of pending.values()) {
      clearTimeout(timer);
    }
    pending.clear();
  });

  connection.onInitialized(() => {
    if (canPullConfiguration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'dockerfileAdvisor' }).catch(() => undefined);
      void refreshSettings();
    }
  });

  connection.onDidChangeConfiguration((change) => {
    const pushed = (change.settings as { dockerfileAdvisor?: unknown } | undefined)?.dockerfileAdvisor;
    if (!canPullConfiguration && pushed !== undefined) {
      settings = readSettings(pushed);
    }
    void refreshSettings();
  });

  // TextDocuments announces an open as a change too; that one must not put the first diagnostics behind the typing delay.
  const openedVersions = new Map<string, number>();
  documents.onDidOpen((event) => {
    openedVersions.set(event.document.uri, event.document.version);
    schedule(event.document.uri, 0);
  });
  documents.onDidChangeContent((event) => {
    if (openedVersions.get(event.document.uri) === event.document.version) {
      return;
    }
    openedVersions.delete(event.document.uri);
    schedule(event.document.uri);
  });
  documents.onDidClose((event) => {
    const timer = pending.get(event.document.uri);
    if (timer) {
      clearTimeout(timer);
      pending.delete(event.document.uri);
    }
    service.forget(event.document.uri);
    openedVersions.delete(event.document.uri);
    void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });

  const formatting = (options: { tabSize: number; insertSpaces: boolean }): FormatterSettings => ({ ...options });

  connection.onHover((p) => withDoc(p.textDocument.uri, null, (doc) => service.hover(doc, p.position)));
  connection.onCompletion(async (p) => {
    refuseAfterShutdown();
    const doc = analysed(p.textDocument.uri);
    return doc ? service.completion(doc, p.position) : [];
  });
  connection.onCompletionResolve((item) => service.resolveCompletion(item));
  connection.onSignatureHelp((p) => withDoc(p.textDocument.uri, null, (doc) => service.signatureHelp(doc, p.position)));
  connection.onDefinition((p) => withDoc(p.textDocument.uri, null, (doc) => service.definition(doc, p.position)));
  connection.onDocumentHighlight((p) => withDoc(p.textDocument.uri, [], (doc) => service.highlights(doc, p.position)));
  connection.onPrepareRename((p) => withDoc(p.textDocument.uri, null, (doc) => service.prepareRename(doc, p.position)));
  connection.onRenameRequest((p) =>
    withDoc(p.textDocument.uri, null, (doc) => ({ changes: { [doc.uri]: service.rename(doc, p.position, p.newName) } })),
  );
  connection.onDocumentSymbol((p) => withDoc(p.textDocument.uri, [], (doc) => service.symbols(doc)));
  connection.onFoldingRanges((p) => withDoc(p.textDocument.uri, [], (doc) => service.foldingRanges(doc)));
  connection.onDocumentLinks((p) => withDoc(p.textDocument.uri, [], (doc) => service.links(doc)));
  connection.languages.semanticTokens.on((p) => withDoc(p.textDocument.uri, { data: [] }, (doc) => service.semanticTokens(doc)));
  connection.onDocumentFormatting((p) => withDoc(p.textDocument.uri, [], (doc) => service.format(doc, formatting(p.options))));
  connection.onDocumentRangeFormatting((p) =>
    withDoc(p.textDocument.uri, [], (doc) => service.formatRange(doc, p.range, formatting(p.options))),
  );
  connection.onDocumentOnTypeFormatting((p) =>
    withDoc(p.textDocument.uri, [], (doc) => service.formatOnType(doc, p.position, p.ch, formatting(p.options))),
  );
  connection.onCodeAction((p) =>
    withDoc(p.textDocument.uri, [], (doc) => service.codeActions(doc, p.range, p.context.only, validationOptions(doc.uri))),
  );

  /** Runs a request against the current version of a document; unknown documents get `fallback`. */
  function withDoc<T>(uri: string, fallback: T, run: (doc: AnalysedDocument) => T): T {
    refuseAfterShutdown();
    const doc = analysed(uri);
    if (!doc) {
      return fallback;
    }
    try {
      return run(doc);
    } catch (error) {
      connection.console.error(`Request failed and was contained: ${describeError(error)}`);
      return fallback;
    }
  }

  /** The protocol says requests after `shutdown` fail with InvalidRequest. */
  function refuseAfterShutdown(): void {
    if (shutDown) {
      throw new ResponseError(ErrorCodes.InvalidRequest, 'The server is shutting down.');
    }
  }

  // The client drops Trivy's findings that our rules already report; it matches them by these aliases.
  connection.onRequest('dockerfileAdvisor/ruleAliases', () => Object.fromEntries(allRules.map((rule) => [rule.id, rule.aliases])));

  documents.listen(connection);
  connection.listen();
}

/** Serves over the transport given on the command line (`--stdio`, `--node-ipc`, `--socket=`). */
export function runServer(): void {
  startServer(createConnection(ProposedFeatures.all));
}
