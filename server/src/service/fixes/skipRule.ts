// "Skip this rule": merges a rule into the file's one `# check=skip=` directive, creating it only when absent.
import type { TextEdit } from 'vscode-languageserver-types';
import type { DockerfileModel } from '../../model/types';

export function skipRuleEdit(model: DockerfileModel, ruleId: string): TextEdit | undefined {
  const check = model.check;
  if (!check) {
    // Directives must come first; a BOM stays in front of the new line.
    const start = model.text.charCodeAt(0) === 0xfeff ? 1 : 0;
    const position = model.index.positionAt(start);
    const eol = model.text.includes('\r\n') ? '\r\n' : '\n';
    return { range: { start: position, end: position }, newText: `# check=skip=${ruleId}${eol}` };
  }
  if (check.skipAll || check.skip.some((name) => name.toLowerCase() === ruleId.toLowerCase())) {
    return undefined;
  }
  const parts = check.directive.value.split(';').map((p) => p.trim()).filter((p) => p !== '');
  const skipIndex = parts.findIndex((p) => p.toLowerCase().startsWith('skip='));
  if (skipIndex >= 0) {
    const existing = parts[skipIndex].slice('skip='.length).split(',').map((s) => s.trim()).filter(Boolean);
    parts[skipIndex] = `skip=${[...existing, ruleId].join(',')}`;
  } else {
    parts.unshift(`skip=${ruleId}`);
  }
  return { range: check.directive.valueRange, newText: parts.join(';') };
}
