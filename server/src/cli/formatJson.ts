// The JSON format (version 1): stable, since CI tools read it.
import type { FileReport } from './report';

export function formatJson(reports: readonly FileReport[]): string {
  const files = reports.map((report) => ({
    path: report.path,
    diagnostics: report.diagnostics.map((d) => ({
      rule: d.rule,
      aliases: d.aliases,
      severity: d.severity,
      message: d.message,
      range: d.range,
      docs: d.docs,
      fixes: d.fixes.map((f) => ({ title: f.title, edits: f.edits })),
    })),
  }));
  return `${JSON.stringify({ version: 1, files }, null, 2)}\n`;
}
