// hadolint DL4006: a pipe's status is its last command's, so `curl ... | tar x` passes the build even when curl fails.
import * as l10n from '@vscode/l10n';
import type { TextEdit } from 'vscode-languageserver-types';
import { describeBaseImage } from '../../data/baseImages';
import { runInstructionsInStage, type RunInstruction } from '../../model/runCommands';
import type { ShellCommand, ShellScript } from '../../model/shell';
import type { DockerfileModel, Stage } from '../../model/types';
import { checkEveryStage, type Rule, type RuleFix } from '../rule';
import { inHeredoc, keywordLike, lineBreakOf } from './edits';

/** Shells whose `-o pipefail` works; `sh` is left out because Debian's dash refuses the option. */
const pipefailShells = new Set(['bash', 'zsh', 'ash', 'ksh', 'mksh']);
const bashShell = '["/bin/bash", "-o", "pipefail", "-c"]';

export const PipeWithoutPipefail: Rule = {
  id: 'PipeWithoutPipefail',
  aliases: ['DL4006'],
  origin: 'best-practice',
  defaultSeverity: 'warning',
  description: () => l10n.t('Set -o pipefail before a RUN with a pipe'),
  check: checkEveryStage((context) => PipeWithoutPipefail.checkStage!(context)),
  checkStage({ model, stage, report }) {
    for (const owner of runInstructionsInStage(model, stage)) {
      if (!owner.run.shell.posix || (hasPipefailOption(owner.run.shell.command.slice(1)) && pipefailShells.has(baseName(owner.run.shell.command[0])))) {
        continue;
      }
      for (const script of owner.run.shellScripts) {
        const pipeline = unguardedPipeline(model, script);
        if (pipeline) {
          report({
            range: model.index.rangeOf(pipeline.start, pipeline.end),
            message: l10n.t("This RUN has a pipe but no 'set -o pipefail': if a command before the last one of the pipe fails, the build goes on"),
            fixes: () => pipefailFixes(model, owner, script),
          });
          break;
        }
      }
    }
  },
};

/** The first pipeline that runs before any `set -o pipefail`, from its first command to its last. */
function unguardedPipeline(model: DockerfileModel, script: ShellScript): { start: number; end: number } | undefined {
  if (!script.hasPipeline) {
    return undefined;
  }
  const commands = script.commands;
  for (let i = 0; i < commands.length; i++) {
    const command = commands[i];
    if (command.name === 'set' && hasPipefailOption(command.args.map((a) => a.value))) {
      return undefined;
    }
    if (!command.inPipeline) {
      continue;
    }
    let end = command.end;
    for (let j = i + 1; j < commands.length && commands[j].inPipeline && joinedByPipe(model, commands[j - 1], commands[j]); j++) {
      end = Math.max(end, commands[j].end);
    }
    return { start: command.start, end };
  }
  return undefined;
}

/** True when only a `|` (and continuations) stands between two commands. */
function joinedByPipe(model: DockerfileModel, left: ShellCommand, right: ShellCommand): boolean {
  if (right.start < left.end) {
    return false;
  }
  const between = model.text.slice(left.end, right.start).replace(new RegExp(`\\${model.escapeChar}\\r?\\n`, 'g'), '').trim();
  return between === '|' || between === '|&';
}

function hasPipefailOption(args: readonly string[]): boolean {
  return args.some((arg, i) => /^-[a-zA-Z]*o$/.test(arg) && args[i + 1] === 'pipefail');
}

function baseName(path: string | undefined): string {
  return (path ?? '').replace(/^.*[\\/]/, '').replace(/\.exe$/i, '');
}

type ShellFamily = 'pipefail' | 'bash-image' | 'busybox-image' | 'unknown';

/** What the RUN's shell can do: its own SHELL, or the base image's /bin/sh. */
function shellFamily(owner: RunInstruction): ShellFamily {
  if (pipefailShells.has(baseName(owner.run.shell.command[0]))) {
    return 'pipefail';
  }
  let stage: Stage | undefined = owner.stage;
  while (stage?.baseStage) {
    stage = stage.baseStage;
  }
  const reference = stage?.baseImage;
  if (!reference) {
    return 'unknown';
  }
  const description = describeBaseImage(reference.raw);
  if (description.distribution?.id === 'alpine' || /(^|\/)busybox$/.test(reference.repository)) {
    return 'busybox-image';
  }
  if ((description.distribution?.id === 'debian' || description.distribution?.id === 'ubuntu') && !description.image?.startsWith('distroless')) {
    return 'bash-image';
  }
  return 'unknown';
}

function pipefailFixes(model: DockerfileModel, owner: RunInstruction, script: ShellScript): RuleFix[] {
  const family = shellFamily(owner);
  const fixes: RuleFix[] = [];
  const setEdit = setPipefailEdit(model, owner, script);
  if (setEdit) {
    fixes.push({
      title: l10n.t("Add 'set -o pipefail' at the start of this RUN"),
      edits: [setEdit],
      // Debian's and Ubuntu's /bin/sh (dash) rejects `set -o pipefail`; elsewhere it is the smallest change.
      isPreferred: family === 'pipefail' || family === 'busybox-image',
    });
  }
  if (family === 'bash-image') {
    const line = owner.instruction.range.start.line;
    const lineStart = model.index.lineStart(line);
    const indent = /^[ \t]*/.exec(model.index.lineText(line))![0];
    const position = model.index.positionAt(lineStart);
    fixes.push({
      title: l10n.t('Run this stage with bash and pipefail: add SHELL {0} before this RUN', bashShell),
      edits: [{ range: { start: position, end: position }, newText: `${indent}${keywordLike(owner.instruction, 'SHELL')} ${bashShell}${lineBreakOf(model)}` }],
      isPreferred: true,
    });
  }
  return fixes;
}

/** Inserts `set -o pipefail` before the script's first command: a line of its own in a heredoc body (after a `#!`), `... && ` otherwise. */
function setPipefailEdit(model: DockerfileModel, owner: RunInstruction, script: ShellScript): TextEdit | undefined {
  const first = script.text.search(/\S/);
  if (first < 0) {
    return undefined;
  }
  const offset = script.toDocumentOffset(first);
  if (inHeredoc(model, owner.run, offset)) {
    const eol = lineBreakOf(model);
    let at = offset;
    if (script.text.startsWith('#!', first)) {
      const lineEnd = script.text.indexOf('\n', first);
      if (lineEnd < 0) {
        return undefined;
      }
      at = script.toDocumentOffset(lineEnd) + 1;
    }
    const position = model.index.positionAt(at);
    return { range: { start: position, end: position }, newText: `set -o pipefail${eol}` };
  }
  const position = model.index.positionAt(offset);
  return { range: { start: position, end: position }, newText: 'set -o pipefail && ' };
}
