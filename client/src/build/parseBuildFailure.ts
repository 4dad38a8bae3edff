// Finds where a failed build points in the Dockerfile, from BuildKit's or the legacy builder's output.

export interface BuildFailure {
  readonly message: string;
  /** The file name BuildKit printed (the Dockerfile's base name), when it printed one. */
  readonly file?: string;
  /** 1-based. */
  readonly line?: number;
}

const SNIPPET_HEADER = /^(\S+):(\d+)$/;
const SNIPPET_RULE = /^-{20}$/;
const PARSE_ERROR = /dockerfile parse error (?:on )?line (\d+): (.*)$/i;
const LEGACY_FAILURE = /^The command '(.*)' returned a non-zero code: (\d+)$/;

/**
 * BuildKit ends a failed build with the failing line's source (`Dockerfile:12`, a rule of dashes,
 * the numbered lines) and then `ERROR: ...`; a parse error names only the line; the legacy
 * builder names only the command.
 */
export function parseBuildFailure(output: string): BuildFailure | undefined {
  const lines = output.split(/\r?\n/).map((line) => line.replace(/\s+$/, ''));
  let file: string | undefined;
  let line: number | undefined;
  let message: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i] ?? '';
    const header = SNIPPET_HEADER.exec(text);
    if (header && SNIPPET_RULE.test(lines[i + 1] ?? '')) {
      file = header[1];
      line = Number(header[2]);
      continue;
    }
    if (text.startsWith('ERROR: ')) {
      message = text.slice('ERROR: '.length);
      continue;
    }
    const legacy = LEGACY_FAILURE.exec(text);
    if (legacy) {
      message = text;
    }
  }
  const parseError = message !== undefined ? PARSE_ERROR.exec(message) : undefined;
  if (parseError && line === undefined) {
    line = Number(parseError[1]);
  }
  if (message === undefined) {
    return undefined;
  }
  return { message, ...(file ? { file } : {}), ...(line !== undefined ? { line } : {}) };
}
