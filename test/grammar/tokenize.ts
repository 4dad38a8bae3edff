// Loads the Dockerfile grammar (and VS Code's shell grammars when installed) for tests that tokenize whole files.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';

const projectRoot = path.resolve(__dirname, '..', '..');
const ourGrammar = path.join(projectRoot, 'syntaxes', 'dockerfile.tmLanguage.json');

/** VS Code's built-in grammars from the code-server install that the e2e tests use, if present. */
export const builtinExtensions = path.join(projectRoot, '.cache', 'code-server', 'node_modules', 'code-server', 'lib', 'vscode', 'extensions');
export const embeddedGrammars: Record<string, string> = {
  'source.shell': path.join(builtinExtensions, 'shellscript', 'syntaxes', 'shell-unix-bash.tmLanguage.json'),
  'source.powershell': path.join(builtinExtensions, 'powershell', 'syntaxes', 'powershell.tmLanguage.json'),
  'source.batchfile': path.join(builtinExtensions, 'bat', 'syntaxes', 'batchfile.tmLanguage.json'),
};

export interface Token {
  line: number;
  start: number;
  end: number;
  text: string;
  scopes: string[];
}

export async function loadGrammar(withEmbedded: boolean): Promise<textmate.IGrammar> {
  const wasm = fs.readFileSync(path.join(path.dirname(require.resolve('vscode-oniguruma')), 'onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const files: Record<string, string> = { 'source.dockerfile.advisor': ourGrammar };
  if (withEmbedded) {
    Object.assign(files, embeddedGrammars);
  }
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async (scopeName: string) => {
      const file = files[scopeName];
      return file && fs.existsSync(file) ? textmate.parseRawGrammar(fs.readFileSync(file, 'utf8'), file) : null;
    },
  });
  const grammar = await registry.loadGrammar('source.dockerfile.advisor');
  if (!grammar) {
    throw new Error(`Cannot load ${ourGrammar}`);
  }
  return grammar;
}

export function tokenize(grammar: textmate.IGrammar, text: string): Token[] {
  const tokens: Token[] = [];
  let state = textmate.INITIAL;
  text.split(/\r?\n/).forEach((lineText, line) => {
    const result = grammar.tokenizeLine(lineText, state);
    state = result.ruleStack;
    for (const token of result.tokens) {
      tokens.push({ line, start: token.startIndex, end: token.endIndex, text: lineText.slice(token.startIndex, token.endIndex), scopes: token.scopes });
    }
  });
  return tokens;
}
