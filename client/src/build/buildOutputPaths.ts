// Rewrites BuildKit's `Dockerfile:12` lines to absolute paths, so the problem matcher finds the file wherever it lives.
import * as path from 'node:path';

const locationLine = /^(\s*)(\S*(?:[Dd]ockerfile|[Cc]ontainerfile)\S*):(\d+)\s*$/;

/**
 * Turns streamed build output into terminal lines (`\r\n`), making the Dockerfile paths of
 * BuildKit's error locations absolute against the build's working folder. VS Code resolves a
 * matcher's `${cwd}` to the workspace folder, not to the task's folder, so relative names of a
 * Dockerfile in a subfolder would mark the wrong file.
 */
export class BuildOutputRewriter {
  private pending = '';

  constructor(private readonly cwd: string) {}

  /** Returns the complete lines of `chunk` (with what was pending), rewritten. */
  push(chunk: string): string {
    const text = this.pending + chunk;
    const lastBreak = text.lastIndexOf('\n');
    if (lastBreak < 0) {
      this.pending = text;
      return '';
    }
    this.pending = text.slice(lastBreak + 1);
    return text
      .slice(0, lastBreak)
      .split('\n')
      .map((line) => `${this.rewrite(line.replace(/\r$/, ''))}\r\n`)
      .join('');
  }

  /** The last, unterminated line. */
  flush(): string {
    const rest = this.pending;
    this.pending = '';
    return rest === '' ? '' : `${this.rewrite(rest)}\r\n`;
  }

  private rewrite(line: string): string {
    const match = locationLine.exec(line);
    if (!match || path.isAbsolute(match[2])) {
      return line;
    }
    return `${match[1]}${path.resolve(this.cwd, match[2])}:${match[3]}`;
  }
}
