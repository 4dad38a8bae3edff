// Runs hover, completion and signature help of the real service over `|`-cursor fixtures.
import type { CompletionItem, Hover, MarkupContent, SignatureHelp } from 'vscode-languageserver-types';
import { createAdvisorService } from '../../../server/src/service/advisorService';
import { setLanguage, type Language } from '../../../server/src/l10n/locale';
import { cursor } from '../helpers/analyse';

const service = createAdvisorService();
let version = 0;

function open(fixture: string) {
  const { text, position } = cursor(fixture);
  return { doc: service.analyse('file:///test/Dockerfile', ++version, text), position };
}

export function hoverText(fixture: string): string | undefined {
  const { doc, position } = open(fixture);
  const hover: Hover | null = service.hover(doc, position);
  return hover === null ? undefined : (hover.contents as MarkupContent).value;
}

export async function completions(fixture: string): Promise<CompletionItem[]> {
  const { doc, position } = open(fixture);
  return service.completion(doc, position);
}

export async function labels(fixture: string): Promise<string[]> {
  return (await completions(fixture)).map((i) => String(i.label));
}

export function documentation(item: CompletionItem | undefined): string {
  const doc = item?.documentation;
  return doc === undefined ? '' : typeof doc === 'string' ? doc : doc.value;
}

export function signatureHelp(fixture: string): SignatureHelp | null {
  const { doc, position } = open(fixture);
  return service.signatureHelp(doc, position);
}

/** The text of the highlighted parameter of the active signature. */
export function activeParameter(help: SignatureHelp | null): string | undefined {
  const signature = help?.signatures[help.activeSignature ?? 0];
  const parameter = signature?.parameters?.[help?.activeParameter ?? -1];
  if (signature === undefined || parameter === undefined) {
    return undefined;
  }
  return typeof parameter.label === 'string' ? parameter.label : signature.label.slice(parameter.label[0], parameter.label[1]);
}

/** Runs `body` once per language, leaving English in force afterwards. */
export function inLanguage(language: Language, body: () => void | Promise<void>): () => Promise<void> {
  return async () => {
    setLanguage(language);
    try {
      await body();
    } finally {
      setLanguage('en');
    }
  };
}
