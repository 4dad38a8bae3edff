// Drops Trivy's Dockerfile findings that our own rules already report, so one problem shows once.
import type { Finding } from './model';

/** Our rule ids with their aliases (`DS-0002`, `DL3002`...), as the language server lists them. */
export type RuleAliases = Readonly<Record<string, readonly string[]>>;

export interface ReportedRule {
  readonly ruleId: string;
  /** 1-based line where our diagnostic starts. */
  readonly line: number;
}

/**
 * A Trivy finding is a duplicate when one of our rules that aliases its id (or one of its old
 * ids) reported on the same line, or anywhere in the file when Trivy gives no line.
 */
export function withoutDuplicates(findings: readonly Finding[], reported: readonly ReportedRule[], aliases: RuleAliases): Finding[] {
  const byAlias = new Map<string, ReportedRule[]>();
  for (const rule of reported) {
    for (const alias of aliases[rule.ruleId] ?? []) {
      const key = alias.toUpperCase();
      byAlias.set(key, [...(byAlias.get(key) ?? []), rule]);
    }
  }
  return findings.filter((finding) => {
    const ids = [finding.id, ...finding.aliases].map((id) => id.toUpperCase());
    const matches = ids.flatMap((id) => byAlias.get(id) ?? []);
    if (matches.length === 0) {
      return true;
    }
    const start = finding.location?.startLine;
    const end = finding.location?.endLine ?? start;
    if (start === undefined || end === undefined) {
      return false;
    }
    return !matches.some((rule) => rule.line >= start && rule.line <= end);
  });
}
