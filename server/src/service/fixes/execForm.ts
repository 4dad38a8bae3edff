// Rewrites a shell-form CMD/ENTRYPOINT as a JSON array when that keeps its meaning.
import type { TextEdit } from 'vscode-languageserver-types';
import type { DockerfileModel, InstructionNode } from '../../model/types';
import { foldContinuations } from '../../model/parseDockerfile';
import { parseShell } from '../../model/shell';

/**
 * A simple command with literal words (`python3 main.py`) becomes `["python3", "main.py"]`.
 * Anything the shell would interpret (variables, `&&`, pipes, redirections, globs) is kept
 * working by wrapping it: `["/bin/sh", "-c", "..."]`.
 */
export function toExecForm(model: DockerfileModel, instruction: InstructionNode): TextEdit | undefined {
  if (!instruction.argsRange || instruction.jsonArgs !== undefined) {
    return undefined;
  }
  const start = model.index.offsetAt(instruction.argsRange.start);
  const mapped = foldContinuations(model.text, start, instruction.end, model.escapeChar);
  const command = mapped.text.trim();
  if (command === '') {
    return undefined;
  }
  const script = parseShell(mapped);
  const simple =
    script.parseError === undefined &&
    script.commands.length === 1 &&
    !script.hasPipeline &&
    script.commands[0].words.every((w) => w.literal && !/[*?[\]~]/.test(w.raw)) &&
    wordsCoverCommand(script.commands[0].words.map((w) => w.raw), command);
  const words = simple ? script.commands[0].words.map((w) => w.value) : ['/bin/sh', '-c', command];
  return { range: instruction.argsRange, newText: JSON.stringify(words).replace(/","/g, '", "') };
}

/** True when the command is nothing but its words (no redirections, `;`, `&` or comments left over). */
function wordsCoverCommand(raws: readonly string[], command: string): boolean {
  let rest = command;
  for (const raw of raws) {
    const at = rest.indexOf(raw);
    if (at < 0 || rest.slice(0, at).trim() !== '') {
      return false;
    }
    rest = rest.slice(at + raw.length);
  }
  return rest.trim() === '';
}
