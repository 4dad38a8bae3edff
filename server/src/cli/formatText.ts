// The text format: one compiler-style line per finding, coloured on a terminal.
import type { FileReport } from './report';

const colours: Record<string, string> = { error: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m', hint: '\x1b[2m' };
const bold = '\x1b[1m';
const reset = '\x1b[0m';

export function formatText(reports: readonly FileReport[], colour: boolean): string {
  const lines: string[] = [];
  for (const report of reports) {
    for (const d of report.diagnostics) {
      const where = `${report.path}:${d.range.start.line + 1}:${d.range.start.character + 1}:`;
      const severity = colour ? `${colours[d.severity] ?? ''}${d.severity}${reset}` : d.severity;
      const rule = colour ? `${bold}${d.rule}${reset}` : d.rule;
      lines.push(`${where} ${severity} ${rule}: ${d.message}`);
    }
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
