// What the build command offers from a Dockerfile: its ARGs, its stages (targets) and its base images.
import { DockerfileParser } from 'dockerfile-ast';

export interface ArgDeclaration {
  readonly name: string;
  readonly defaultValue?: string;
  /** 0-based line. */
  readonly line: number;
  /** Declared before the first FROM, so usable in FROM lines. */
  readonly global: boolean;
}

export interface Stage {
  readonly index: number;
  readonly name?: string;
  /** The FROM image as written, variables unexpanded. */
  readonly image: string;
  readonly platformFlag?: string;
  readonly line: number;
}

export interface BaseImage {
  /** With global ARG defaults substituted. */
  readonly reference: string;
  readonly line: number;
  /** The FROM's `--platform` value as written, e.g. `$BUILDPLATFORM`. */
  readonly platformFlag?: string;
}

export interface DockerfileOutline {
  /** One entry per ARG name, first declaration wins; automatic platform ARGs left out. */
  readonly args: readonly ArgDeclaration[];
  readonly stages: readonly Stage[];
  /** Images pulled from a registry: not `scratch`, not an earlier stage. */
  readonly baseImages: readonly BaseImage[];
  /** FROM images that use a variable without a default, so no registry can be asked about them. */
  readonly unresolvedImages: readonly string[];
}

/** BuildKit sets these itself; offering them as build args would only confuse. */
const AUTOMATIC_ARGS = new Set([
  'TARGETPLATFORM', 'TARGETOS', 'TARGETARCH', 'TARGETVARIANT',
  'BUILDPLATFORM', 'BUILDOS', 'BUILDARCH', 'BUILDVARIANT',
]);

const EMPTY_OUTLINE: DockerfileOutline = { args: [], stages: [], baseImages: [], unresolvedImages: [] };

export function outlineDockerfile(text: string): DockerfileOutline {
  let dockerfile: ReturnType<typeof DockerfileParser.parse>;
  try {
    dockerfile = DockerfileParser.parse(text);
  } catch {
    // A file the parser cannot read still builds (or fails) in BuildKit; the prompts just offer nothing.
    return EMPTY_OUTLINE;
  }
  const globalArgs = new Map<string, string | undefined>();
  for (const arg of dockerfile.getInitialARGs()) {
    const property = arg.getProperty();
    if (property && !globalArgs.has(property.getName())) {
      globalArgs.set(property.getName(), property.getValue() ?? undefined);
    }
  }

  const args: ArgDeclaration[] = [];
  const seen = new Set<string>();
  for (const arg of dockerfile.getARGs()) {
    const property = arg.getProperty();
    const name = property?.getName();
    if (!property || !name || seen.has(name) || AUTOMATIC_ARGS.has(name)) {
      continue;
    }
    seen.add(name);
    const value = property.getValue();
    const line = arg.getRange().start.line;
    args.push({ name, ...(value !== null ? { defaultValue: value } : {}), line, global: globalArgs.has(name) });
  }

  const stages: Stage[] = [];
  const baseImages: BaseImage[] = [];
  const unresolvedImages: string[] = [];
  const stageNames = new Set<string>();
  for (const [index, from] of dockerfile.getFROMs().entries()) {
    const image = from.getImage() ?? '';
    const name = from.getBuildStage() ?? undefined;
    const platformFlag = from.getPlatformFlag()?.getValue() ?? undefined;
    const line = from.getRange().start.line;
    stages.push({ index, ...(name ? { name } : {}), image, ...(platformFlag ? { platformFlag } : {}), line });
    const reference = expandVariables(image, globalArgs);
    if (reference === undefined) {
      unresolvedImages.push(image);
    } else if (reference !== '' && reference.toLowerCase() !== 'scratch' && !stageNames.has(reference.toLowerCase())) {
      if (!baseImages.some((known) => known.reference === reference)) {
        baseImages.push({ reference, line, ...(platformFlag ? { platformFlag } : {}) });
      }
    }
    if (name) {
      stageNames.add(name.toLowerCase());
    }
  }
  return { args, stages, baseImages, unresolvedImages };
}

/**
 * Substitutes `$NAME`, `${NAME}`, `${NAME:-word}` and `${NAME-word}` from the global ARGs;
 * `undefined` when a variable has no value, since the image then depends on a --build-arg.
 */
export function expandVariables(text: string, values: ReadonlyMap<string, string | undefined>): string | undefined {
  let result = '';
  let i = 0;
  while (i < text.length) {
    const char = text[i];
    if (char !== '$') {
      result += char;
      i++;
      continue;
    }
    if (text[i + 1] === '{') {
      const close = text.indexOf('}', i + 2);
      if (close < 0) {
        return undefined;
      }
      const body = text.slice(i + 2, close);
      const name = leadingName(body);
      const rest = body.slice(name.length);
      const value = values.get(name);
      if (rest === '') {
        if (value === undefined) {
          return undefined;
        }
        result += value;
      } else if (rest.startsWith(':-') || rest.startsWith('-')) {
        const word = rest.slice(rest.startsWith(':-') ? 2 : 1);
        const useWord = value === undefined || (rest.startsWith(':-') && value === '');
        result += useWord ? word : value;
      } else {
        return undefined;
      }
      i = close + 1;
      continue;
    }
    const name = leadingName(text.slice(i + 1));
    if (name === '') {
      result += char;
      i++;
      continue;
    }
    const value = values.get(name);
    if (value === undefined) {
      return undefined;
    }
    result += value;
    i += 1 + name.length;
  }
  return result;
}

function leadingName(text: string): string {
  let end = 0;
  while (end < text.length && isNameChar(text.charCodeAt(end), end === 0)) {
    end++;
  }
  return text.slice(0, end);
}

function isNameChar(code: number, first: boolean): boolean {
  const letter = (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
  return letter || (!first && code >= 48 && code <= 57);
}
