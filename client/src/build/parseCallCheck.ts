// Reads `docker buildx build --call=check,format=json`: BuildKit's lint warnings and a build error, with 1-based lines.
import { arrayField, isObject, numberField, parseJson, stringField, type JsonObject } from './json';

export interface SourceRange {
  /** 1-based, as BuildKit reports. */
  readonly startLine: number;
  /** 0-based. */
  readonly startCharacter: number;
  readonly endLine: number;
  readonly endCharacter: number;
}

export interface CheckWarning {
  readonly ruleName: string;
  readonly description: string;
  readonly url?: string;
  readonly detail: string;
  readonly file?: string;
  readonly range?: SourceRange;
}

export interface CheckResult {
  readonly warnings: readonly CheckWarning[];
  readonly buildError?: { readonly message: string; readonly file?: string; readonly range?: SourceRange };
}

/** `undefined` when stdout is not the JSON object BuildKit prints (e.g. buildx older than 0.15). */
export function parseCallCheck(stdout: string): CheckResult | undefined {
  const result = parseJson(stdout.trim());
  if (!isObject(result)) {
    return undefined;
  }
  const fileNames = arrayField(result, 'sources').map((source) => (isObject(source) ? stringField(source, 'filename') : undefined));
  const warnings = arrayField(result, 'warnings')
    .filter(isObject)
    .map((warning): CheckWarning => {
      const url = stringField(warning, 'url');
      return {
        ruleName: stringField(warning, 'ruleName') ?? '',
        description: stringField(warning, 'description') ?? '',
        ...(url ? { url } : {}),
        detail: stringField(warning, 'detail') ?? '',
        ...readLocation(warning['location'], fileNames),
      };
    });
  const buildError = isObject(result['buildError'])
    ? { message: stringField(result['buildError'], 'message') ?? '', ...readLocation(result['buildError']['location'], fileNames) }
    : undefined;
  return buildError ? { warnings, buildError } : { warnings };
}

/** protobuf's JSON drops zero values, so a missing sourceIndex or character means 0. */
function readLocation(location: unknown, fileNames: readonly (string | undefined)[]): { file?: string; range?: SourceRange } {
  if (!isObject(location)) {
    return {};
  }
  const file = fileNames[numberField(location, 'sourceIndex') ?? 0];
  const first = arrayField(location, 'ranges').find(isObject);
  const range = first ? readRange(first) : undefined;
  return { ...(file ? { file } : {}), ...(range ? { range } : {}) };
}

function readRange(range: JsonObject): SourceRange | undefined {
  const start = isObject(range['start']) ? range['start'] : undefined;
  const end = isObject(range['end']) ? range['end'] : start;
  const startLine = start ? numberField(start, 'line') : undefined;
  if (!start || !end || startLine === undefined) {
    return undefined;
  }
  return {
    startLine,
    startCharacter: numberField(start, 'character') ?? 0,
    endLine: numberField(end, 'line') ?? startLine,
    endCharacter: numberField(end, 'character') ?? 0,
  };
}
