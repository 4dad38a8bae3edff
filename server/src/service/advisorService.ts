// The language service: every feature over one cached model per document version, with no LSP plumbing.
import {
  DockerfileLanguageServiceFactory,
  type DockerfileLanguageService,
  type FormatterSettings,
} from 'dockerfile-language-service';
import type {
  CodeAction,
  CompletionItem,
  Diagnostic,
  DocumentHighlight,
  DocumentLink,
  DocumentSymbol,
  FoldingRange,
  Hover,
  Location,
  Position,
  Range,
  SemanticTokens,
  SignatureHelp,
  TextEdit,
} from 'vscode-languageserver-types';
import { parseDockerfile } from '../model/parseDockerfile';
import type { DockerfileModel } from '../model/types';
import { currentLanguage } from '../l10n/locale';
import { contain } from '../util/contain';
import { findingActions } from './codeActions';
import { documentSymbols } from './documentSymbols';
import { validateModel, type Finding, type ValidationOptions } from './validation';

export interface AnalysedDocument {
  readonly uri: string;
  readonly version: number;
  readonly model: DockerfileModel;
  /** Findings for the options in force when they were computed. */
  findings(options?: ValidationOptions): Finding[];
}

export interface AdvisorService {
  analyse(uri: string, version: number, text: string): AnalysedDocument;
  forget(uri: string): void;
  diagnostics(doc: AnalysedDocument, options?: ValidationOptions): Diagnostic[];
  hover(doc: AnalysedDocument, position: Position): Hover | null;
  completion(doc: AnalysedDocument, position: Position): Promise<CompletionItem[]>;
  resolveCompletion(item: CompletionItem): CompletionItem;
  signatureHelp(doc: AnalysedDocument, position: Position): SignatureHelp | null;
  definition(doc: AnalysedDocument, position: Position): Location | null;
  highlights(doc: AnalysedDocument, position: Position): DocumentHighlight[];
  prepareRename(doc: AnalysedDocument, position: Position): Range | null;
  rename(doc: AnalysedDocument, position: Position, newName: string): TextEdit[];
  symbols(doc: AnalysedDocument): DocumentSymbol[];
  foldingRanges(doc: AnalysedDocument): FoldingRange[];
  links(doc: AnalysedDocument): DocumentLink[];
  semanticTokens(doc: AnalysedDocument): SemanticTokens;
  format(doc: AnalysedDocument, settings: FormatterSettings): TextEdit[];
  formatRange(doc: AnalysedDocument, range: Range, settings: FormatterSettings): TextEdit[];
  formatOnType(doc: AnalysedDocument, position: Position, ch: string, settings: FormatterSettings): TextEdit[];
  codeActions(doc: AnalysedDocument, range: Range, only?: readonly string[], options?: ValidationOptions): CodeAction[];
}

export function createAdvisorService(): AdvisorService {
  const base: DockerfileLanguageService = DockerfileLanguageServiceFactory.createLanguageService();
  base.setCapabilities({
    completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
    hover: { contentFormat: ['markdown', 'plaintext'] },
  });
  const documents = new Map<string, AnalysedDocument>();

  const analyse = (uri: string, version: number, text: string): AnalysedDocument => {
    const known = documents.get(uri);
    if (known && known.version === version && known.model.text === text) {
      return known;
    }
    const model = parseDockerfile(text);
    let cachedKey: string | undefined;
    let cachedFindings: Finding[] = [];
    const doc: AnalysedDocument = {
      uri,
      version,
      model,
      findings(options = {}) {
        const key = JSON.stringify([currentLanguage(), options.ruleSeverities ?? null, options.buildContext ?? null, options.rules?.map((r) => r.id) ?? null]);
        if (key !== cachedKey) {
          cachedFindings = validateModel(model, { ...options, uri });
          cachedKey = key;
        }
        return cachedFindings;
      },
    };
    documents.set(uri, doc);
    return doc;
  };

  const text = (doc: AnalysedDocument): string => doc.model.text;
  const id = (doc: AnalysedDocument) => ({ uri: doc.uri });

  return {
    analyse,
    forget: (uri) => {
      documents.delete(uri);
    },
    diagnostics: (doc, options) => doc.findings(options).map((f) => f.diagnostic),
    hover: (doc, position) => contain('hover', () => base.computeHover(text(doc), position), null),
    completion: async (doc, position) => {
      try {
        return await base.computeCompletionItems(text(doc), position);
      } catch {
        return [];
      }
    },
    resolveCompletion: (item) => contain('resolve completion', () => base.resolveCompletionItem(item), item),
    signatureHelp: (doc, position) => contain('signature help', () => base.computeSignatureHelp(text(doc), position), null),
    definition: (doc, position) => contain('definition', () => base.computeDefinition(id(doc), text(doc), position), null),
    highlights: (doc, position) => contain('highlights', () => base.computeHighlightRanges(text(doc), position), []),
    prepareRename: (doc, position) => contain('prepare rename', () => base.prepareRename(text(doc), position), null),
    rename: (doc, position, newName) => contain('rename', () => base.computeRename(id(doc), text(doc), position, newName), []),
    symbols: (doc) => contain('symbols', () => documentSymbols(doc.model), []),
    foldingRanges: (doc) => contain('folding', () => base.computeFoldingRanges(text(doc)), []),
    links: (doc) => contain('links', () => base.computeLinks(text(doc)), []),
    semanticTokens: (doc) => contain('semantic tokens', () => base.computeSemanticTokens(text(doc)), { data: [] }),
    format: (doc, settings) => contain('format', () => base.format(text(doc), settings), []),
    formatRange: (doc, range, settings) => contain('format range', () => base.formatRange(text(doc), range, settings), []),
    formatOnType: (doc, position, ch, settings) => contain('format on type', () => base.formatOnType(text(doc), position, ch, settings), []),
    codeActions: (doc, range, only, options) =>
      contain('code actions', () => findingActions(doc.model, doc.uri, doc.findings(options), range, only), []),
  };
}
