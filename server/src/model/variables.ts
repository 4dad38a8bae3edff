// Expands `$VAR` and `${VAR...}` in Dockerfile words the way BuildKit's shell lexer does for instructions.
import type { VariableScope } from './types';

/** BuildKit's automatic platform ARGs, defined in the global scope of every build. */
export const automaticPlatformArgs: readonly string[] = [
  'TARGETPLATFORM',
  'TARGETOS',
  'TARGETARCH',
  'TARGETVARIANT',
  'BUILDPLATFORM',
  'BUILDOS',
  'BUILDARCH',
  'BUILDVARIANT',
];

/** Proxy and BuildKit ARGs that the builder accepts without an ARG instruction. */
export const predefinedArgs: readonly string[] = [
  'HTTP_PROXY',
  'http_proxy',
  'HTTPS_PROXY',
  'https_proxy',
  'FTP_PROXY',
  'ftp_proxy',
  'NO_PROXY',
  'no_proxy',
  'ALL_PROXY',
  'all_proxy',
];

export interface VariableUse {
  readonly name: string;
  /** Offsets within the expanded text's source. */
  readonly start: number;
  readonly end: number;
  /** True for `${VAR:-x}`, `${VAR-x}`, `${VAR:?x}` forms that do not need VAR defined. */
  readonly hasDefault: boolean;
}

export interface Expansion {
  readonly value: string;
  /** Names that had no definition in the scope. */
  readonly unresolved: readonly string[];
  readonly uses: readonly VariableUse[];
}

/**
 * Expands variables in `text` with `scope`. Unknown variables expand to empty text (as in
 * BuildKit) and are listed in `unresolved`. `escapeChar` escapes a `$`.
 */
export function expandVariables(text: string, scope: VariableScope, escapeChar = '\\'): Expansion {
  let value = '';
  const unresolved: string[] = [];
  const uses: VariableUse[] = [];
  let i = 0;
  let quote: string | undefined;
  while (i < text.length) {
    const ch = text[i];
    if (ch === escapeChar && i + 1 < text.length) {
      value += text[i + 1];
      i += 2;
      continue;
    }
    if (ch === "'" && quote !== '"') {
      quote = quote === "'" ? undefined : "'";
      i++;
      continue;
    }
    if (ch === '"' && quote !== "'") {
      quote = quote === '"' ? undefined : '"';
      i++;
      continue;
    }
    if (ch === '$' && quote !== "'") {
      const parsed = readVariable(text, i);
      if (parsed) {
        uses.push({ name: parsed.name, start: i, end: parsed.end, hasDefault: parsed.operator !== undefined && parsed.operator !== '+' && parsed.operator !== ':+' });
        const definition = scope.get(parsed.name);
        const current = definition?.value;
        const isSet = definition !== undefined;
        const isNonEmpty = isSet && current !== undefined && current !== '';
        switch (parsed.operator) {
          case ':-':
            value += isNonEmpty ? current : expandVariables(parsed.word ?? '', scope, escapeChar).value;
            break;
          case '-':
            value += isSet ? (current ?? '') : expandVariables(parsed.word ?? '', scope, escapeChar).value;
            break;
          case ':+':
            value += isNonEmpty ? expandVariables(parsed.word ?? '', scope, escapeChar).value : '';
            break;
          case '+':
            value += isSet ? expandVariables(parsed.word ?? '', scope, escapeChar).value : '';
            break;
          case ':?':
          case '?':
            value += current ?? '';
            break;
          default:
            if (!isSet) {
              unresolved.push(parsed.name);
            }
            value += current ?? '';
        }
        i = parsed.end;
        continue;
      }
    }
    value += ch;
    i++;
  }
  return { value, unresolved, uses };
}

interface ParsedVariable {
  readonly name: string;
  readonly end: number;
  readonly operator?: string;
  readonly word?: string;
}

/** Reads `$NAME` or `${NAME...}` starting at `start` (the `$`). */
export function readVariable(text: string, start: number): ParsedVariable | undefined {
  const next = text[start + 1];
  if (next === '{') {
    const close = findClosingBrace(text, start + 2);
    if (close < 0) {
      return undefined;
    }
    const body = text.slice(start + 2, close);
    const match = /^([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+?])([\s\S]*))?$/.exec(body);
    if (!match) {
      return undefined;
    }
    return { name: match[1], end: close + 1, operator: match[2], word: match[3] };
  }
  const match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(start + 1, start + 257));
  if (!match) {
    return undefined;
  }
  return { name: match[0], end: start + 1 + match[0].length };
}

function findClosingBrace(text: string, from: number): number {
  let depth = 1;
  for (let i = from; i < text.length; i++) {
    if (text[i] === '{') {
      depth++;
    } else if (text[i] === '}') {
      depth--;
      if (depth === 0) {
        return i;
      }
    }
  }
  return -1;
}
