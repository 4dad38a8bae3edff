// The language service: every feature over one cached model per document version, with no LSP plumbing.
import type { DockerfileLanguageService, FormatterSettings } from 'dockerfile-language-service';
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
import { ADVISOR_ITEM, computeCompletion } from './completion';
import { instructionExcerpt } from './cursorContext';
import { computeHover } from './hover';
import { computeSignatureHelp, translateSignatureHelp } from './signatureHelp';
import { documentSymbols } from './documentSymbols';
import { exceedsBaselineLimits, validateModel, type Finding, type ValidationOptions } from './validation';

export interface AnalysedDocument {
  readonly uri: string;
  readonly version: number;
  readonly model: DockerfileModel;
  /** Findings for `options`; without options, the findings last computed (or the defaults' when none were). */
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
  // The base package answers no diagnostics, so it is loaded on the first request it serves, not at start-up.
  let baseService: DockerfileLanguageService | undefined;
  const base = (): DockerfileLanguageService => {
    if (!baseService) {
      const { DockerfileLanguageServiceFactory } = require('dockerfile-language-service') as typeof import('dockerfile-language-service');
      baseService = DockerfileLanguageServiceFactory.createLanguageService();
      baseService.setCapabilities({
        completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
        hover: { contentFormat: ['markdown', 'plaintext'] },
      });
    }
    return baseService;
  };
  const documents = new Map<string, AnalysedDocument>();

  const analyse = (uri: string, version: number, text: string): AnalysedDocument => {
    const known = documents.get(uri);
    if (known && known.version === version && known.model.text === text) {
      return known;
    }
    // The previous version's parse is reused around an edit of a long file; the entry goes, so the rest of it can be collected.
    documents.delete(uri);
    const model = parseDockerfile(text, known?.model);
    let cachedKey: string | undefined;
    let cachedFindings: Finding[] = [];
    const doc: AnalysedDocument = {
      uri,
      version,
      model,
      findings(options) {
        if (options === undefined && cachedKey !== undefined) {
          return cachedFindings;
        }
        options ??= {};
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
  /** The base package re-parses the whole text on every call; on huge files it is skipped. */
  const heavy = new WeakMap<DockerfileModel, boolean>();
  const isHeavy = (doc: AnalysedDocument): boolean => {
    let known = heavy.get(doc.model);
    if (known === undefined) {
      known = exceedsBaselineLimits(doc.model) !== undefined;
      heavy.set(doc.model, known);
    }
    return known;
  };
  const baseCall = <T>(doc: AnalysedDocument, what: string, call: () => T, fallback: T): T =>
    isHeavy(doc) ? fallback : contain(what, call, fallback);
  const id = (doc: AnalysedDocument) => ({ uri: doc.uri });

  return {
    analyse,
    forget: (uri) => {
      documents.delete(uri);
    },
    diagnostics: (doc, options) => doc.findings(options).map((f) => f.diagnostic),
    // The base service answers the cursor features from the instruction's lines alone, so it never re-parses a large file per request.
    hover: (doc, position) => {
      const ours = contain('hover', () => computeHover(doc.model, position, () => doc.findings()), null);
      // The base service's hovers are English only; in another language showing nothing is better than mixing.
      if (ours !== null || currentLanguage() !== 'en') {
        return ours;
      }
      const excerpt = instructionExcerpt(doc.model, position);
      return excerpt === undefined ? null : contain('base hover', () => base().computeHover(excerpt.text, excerpt.position), null);
    },
    completion: async (doc, position) => {
      const ours = contain('completion', () => computeCompletion(doc.model, position), undefined);
      const excerpt = ours === undefined ? instructionExcerpt(doc.model, position) : undefined;
      if (ours !== undefined || excerpt === undefined) {
        return ours ?? [];
      }
      try {
        return await base().computeCompletionItems(excerpt.text, excerpt.position);
      } catch {
        return [];
      }
    },
    resolveCompletion: (item) => {
      if (item.data === ADVISOR_ITEM) {
        return item;
      }
      const resolved = contain('resolve completion', () => base().resolveCompletionItem(item), item);
      return currentLanguage() === 'en' ? resolved : { ...resolved, documentation: undefined };
    },
    signatureHelp: (doc, position) => {
      const instruction = contain('signature help', () => computeSignatureHelp(doc.model, position), undefined);
      if (instruction !== undefined) {
        return instruction;
      }
      const excerpt = instructionExcerpt(doc.model, position);
      const baseHelp = excerpt === undefined ? null : contain('base signature help', () => base().computeSignatureHelp(excerpt.text, excerpt.position), null);
      return baseHelp === null || baseHelp.signatures.length === 0 ? null : translateSignatureHelp(baseHelp);
    },
    definition: (doc, position) => baseCall(doc, 'definition', () => base().computeDefinition(id(doc), text(doc), position), null),
    highlights: (doc, position) => baseCall(doc, 'highlights', () => base().computeHighlightRanges(text(doc), position), []),
    prepareRename: (doc, position) => baseCall(doc, 'prepare rename', () => base().prepareRename(text(doc), position), null),
    rename: (doc, position, newName) => baseCall(doc, 'rename', () => base().computeRename(id(doc), text(doc), position, newName), []),
    symbols: (doc) => contain('symbols', () => documentSymbols(doc.model), []),
    foldingRanges: (doc) => baseCall(doc, 'folding', () => base().computeFoldingRanges(text(doc)), []),
    links: (doc) => baseCall(doc, 'links', () => base().computeLinks(text(doc)), []),
    semanticTokens: (doc) => baseCall(doc, 'semantic tokens', () => base().computeSemanticTokens(text(doc)), { data: [] }),
    format: (doc, settings) => baseCall(doc, 'format', () => base().format(text(doc), settings), []),
    formatRange: (doc, range, settings) => baseCall(doc, 'format range', () => base().formatRange(text(doc), range, settings), []),
    formatOnType: (doc, position, ch, settings) => baseCall(doc, 'format on type', () => base().formatOnType(text(doc), position, ch, settings), []),
    codeActions: (doc, range, only, options) =>
      contain(
        'code actions',
        () =>
          findingActions(doc.model, doc.uri, doc.findings(options), range, only, (text) =>
            validateModel(parseDockerfile(text), { ...options, uri: doc.uri }),
          ),
        [],
      ),
  };
}
