// SARIF 2.1.0 for code-scanning uploads.
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { Log, ReportingDescriptor, Result } from 'sarif';
import { findRule } from '../rules/registry';
import type { FileReport } from './report';

const levels = { error: 'error', warning: 'warning', info: 'note', hint: 'note' } as const;

export function formatSarif(reports: readonly FileReport[], toolVersion: string, baseDir: string): string {
  const rules = new Map<string, ReportingDescriptor>();
  const results: Result[] = [];
  for (const report of reports) {
    const relative = path.isAbsolute(report.path) ? path.relative(baseDir, report.path) : report.path;
    const uri = report.path === '-' ? 'stdin' : relative.split(path.sep).join('/');
    for (const d of report.diagnostics) {
      if (!rules.has(d.rule)) {
        const rule = findRule(d.rule);
        rules.set(d.rule, {
          id: d.rule,
          ...(rule ? { shortDescription: { text: rule.description() } } : {}),
          ...(d.docs ? { helpUri: d.docs } : {}),
          ...(d.aliases.length > 0 ? { properties: { aliases: [...d.aliases] } } : {}),
          defaultConfiguration: { level: levels[rule?.defaultSeverity ?? d.severity] },
        });
      }
      results.push({
        ruleId: d.rule,
        level: levels[d.severity],
        message: { text: d.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri, ...(report.path !== '-' ? { uriBaseId: '%SRCROOT%' } : {}) },
              region: {
                startLine: d.range.start.line + 1,
                startColumn: d.range.start.character + 1,
                endLine: d.range.end.line + 1,
                endColumn: d.range.end.character + 1,
              },
            },
          },
        ],
      });
    }
  }
  const log: Log = {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [
      {
        tool: {
          driver: {
            name: 'dockerfile-advisor',
            version: toolVersion,
            rules: [...rules.values()],
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: `${pathToFileURL(baseDir).toString()}/` } },
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
