// "Split into build and runtime stages": turns a single-stage image with build tools into a build stage and a slimmer runtime stage.
import * as l10n from '@vscode/l10n';
import { validate as validateSyntax } from 'dockerfile-utils';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type TextEdit } from 'vscode-languageserver-types';
import { describeBaseImage } from '../../data/baseImages';
import { buildOutputs, copiedFiles, type BuildOutput } from '../../model/buildTools';
import { isWithin } from '../../model/copyPaths';
import { parseDockerfile } from '../../model/parseDockerfile';
import type { DockerfileModel, InstructionNode, Stage } from '../../model/types';
import { contain } from '../../util/contain';
import { expandVariables } from '../../model/variables';
import { onPathInStage, venvCreations } from '../../model/venv';
import { copyFromLine, keyword, lineEnding, venvEnvLines } from './instructionText';

/** Instructions that only describe how the image runs, so they belong to the runtime stage. */
const runtimeOnly = new Set(['CMD', 'ENTRYPOINT', 'EXPOSE', 'HEALTHCHECK', 'STOPSIGNAL', 'LABEL', 'VOLUME']);

/** The image the runtime stage starts from: a slimmer variant with the same C library where the table knows one. */
export function runtimeImage(stage: Stage, outputs: readonly BuildOutput[]): string {
  const image = stage.baseImage;
  if (!image) {
    return stage.baseText;
  }
  const description = describeBaseImage(image);
  if (description.runtime?.id === 'go') {
    const allStatic = outputs.some((o) => o.kind === 'output') && outputs.filter((o) => o.kind === 'output').every((o) => o.static);
    return allStatic ? 'gcr.io/distroless/static-debian12' : 'gcr.io/distroless/base-debian12';
  }
  const javaBuilder = /^(maven|gradle)$/.test(image.repository) ? /(?:jdk|temurin|openjdk|corretto)-?(\d+)/.exec(image.tag ?? '') : null;
  if (javaBuilder) {
    return `eclipse-temurin:${javaBuilder[1]}-jre`;
  }
  const sameLibc = description.slimmerVariants.find((variant) => description.libc !== undefined && describeBaseImage(variant).libc === description.libc);
  return sameLibc ?? stage.baseText;
}

/** True when pip installs into the system Python rather than a venv of the stage. */
function installsIntoSystemPython(model: DockerfileModel, stage: Stage): boolean {
  const venvOnPath = venvCreations(model, stage).some((venv) => onPathInStage(model, stage, venv.dir));
  if (venvOnPath) {
    return false;
  }
  return stage.instructions.some((instruction) => instruction.shellScripts.some((script) => script.commands.some((command) => {
    const name = command.name.slice(command.name.lastIndexOf('/') + 1);
    const pip = /^pip(\d+(\.\d+)?)?$/.test(name) && command.args[0]?.value === 'install';
    const module = /^python(\d+(\.\d+)?)?$/.test(name) && command.args[0]?.value === '-m' && command.args[1]?.value === 'pip' && command.args[2]?.value === 'install';
    return (pip || module) && !command.name.includes('/');
  })));
}

/** The paths the runtime stage copies from the build stage, outermost first and each once. */
export function producedPaths(model: DockerfileModel, stage: Stage): { outputs: BuildOutput[]; paths: string[] } {
  const outputs = buildOutputs(model, stage, false);
  const last = stage.instructions[stage.instructions.length - 1];
  const workdirs = outputs.filter((o) => o.kind === 'workdir');
  const finalWorkdir = last.keyword === 'WORKDIR' ? workdirs[workdirs.length - 1]?.path : last.workdir;
  const candidates: string[] = [];
  if (finalWorkdir && finalWorkdir !== '/') {
    candidates.push(finalWorkdir);
  }
  if (!finalWorkdir || finalWorkdir === '/') {
    // Without a WORKDIR to copy whole, the application files are wherever COPY put them.
    candidates.push(...stage.instructions.flatMap((instruction) => copiedFiles(model, instruction)));
  }
  candidates.push(...outputs.filter((o) => o.kind === 'venv' || o.kind === 'output').map((o) => o.path));
  const python = stage.baseImage ? describeBaseImage(stage.baseImage) : undefined;
  if (python?.image === 'python' && python.runtime?.cycle && installsIntoSystemPython(model, stage)) {
    candidates.push(`/usr/local/lib/python${python.runtime.cycle}/site-packages`, '/usr/local/bin');
  }
  const paths = candidates.filter((path, i) => path !== '/' && !candidates.some((other, j) => j !== i && other !== path && isWithin(path, other)) && candidates.indexOf(path) === i);
  return { outputs, paths };
}

/** An instruction's lines together with the comment lines right above it, and the blank lines before those. */
function blockOf(model: DockerfileModel, instruction: InstructionNode): { start: number; end: number; text: string } {
  let first = instruction.range.start.line;
  while (first > 0 && model.index.lineText(first - 1).trim().startsWith('#')) {
    first--;
  }
  let removeFrom = first;
  while (removeFrom > 0 && model.index.lineText(removeFrom - 1).trim() === '') {
    removeFrom--;
  }
  const lastLine = instruction.range.end.line;
  const end = lastLine + 1 < model.index.lineCount ? model.index.lineStart(lastLine + 1) : model.text.length;
  const text = model.text.slice(model.index.lineStart(first), model.index.lineEnd(lastLine));
  return { start: model.index.lineStart(removeFrom), end, text };
}

/** ARG instructions of the stage that an instruction's text refers to. */
function argsUsedBy(model: DockerfileModel, instruction: InstructionNode, stage: Stage): InstructionNode[] {
  const uses = expandVariables(instruction.argsText, instruction.scope, model.escapeChar).uses;
  const args: InstructionNode[] = [];
  for (const use of uses) {
    const definition = instruction.scope.get(use.name);
    if (definition?.kind === 'arg' && definition.instruction && definition.instruction.stage === stage && !args.includes(definition.instruction)) {
      args.push(definition.instruction);
    }
  }
  return args;
}

/**
 * The split copies ENV and ARG instructions as written and appends the new stage after the last
 * line. On a file broken at those places it would copy the error (an ENV with an open quote) or
 * write into it (a heredoc with no end takes in every line after it, the new stage too). So the
 * edits are offered only when the result has its two stages and no syntax error more than the
 * file had (dockerfile-utils' count, as the syntax findings are).
 */
function splitIsSound(model: DockerfileModel, edits: readonly TextEdit[]): boolean {
  return contain('dockerfile-utils validate of the split stages', () => {
    const fixed = TextDocument.applyEdits(TextDocument.create('file:///split', 'dockerfile', 0, model.text), [...edits]);
    const result = parseDockerfile(fixed);
    if (result.parseFailure || result.stages.length !== 2) {
      return false;
    }
    const errors = (text: string): number => validateSyntax(text).filter((d) => d.severity === DiagnosticSeverity.Error).length;
    return errors(fixed) <= errors(model.text);
  }, false);
}

/** The edits of "Split into build and runtime stages" for a single-stage file; undefined when it does not apply. */
export function splitStagesEdits(model: DockerfileModel): TextEdit[] | undefined {
  const edits = writeSplit(model);
  return edits && splitIsSound(model, edits) ? edits : undefined;
}

function writeSplit(model: DockerfileModel): TextEdit[] | undefined {
  if (model.stages.length !== 1) {
    return undefined;
  }
  const stage = model.stages[0];
  const from = stage.from;
  if (!stage.baseRange) {
    return undefined;
  }
  const eol = lineEnding(model);
  const edits: TextEdit[] = [];
  let buildName = stage.name;
  if (!buildName) {
    buildName = 'build';
    edits.push({ range: { start: stage.baseRange.end, end: stage.baseRange.end }, newText: ` ${keyword(model, 'AS', from)} ${buildName}` });
  }
  const { outputs, paths } = producedPaths(model, stage);
  const lastRun = [...stage.instructions].reverse().find((i) => i.keyword === 'RUN' || i.keyword === 'COPY' || i.keyword === 'ADD');
  const moved = stage.instructions.filter((i) => runtimeOnly.has(i.keyword) || (i.keyword === 'USER' && (!lastRun || i.start > lastRun.start)));
  const envs = stage.instructions.filter((i) => i.keyword === 'ENV');
  const args: InstructionNode[] = [];
  for (const instruction of [...envs, ...moved]) {
    for (const arg of argsUsedBy(model, instruction, stage)) {
      if (!args.includes(arg)) {
        args.push(arg);
      }
    }
  }
  const finalWorkdir = stage.instructions[stage.instructions.length - 1].keyword === 'WORKDIR'
    ? outputs.filter((o) => o.kind === 'workdir').pop()?.path
    : stage.instructions[stage.instructions.length - 1].workdir;

  const kw = (word: string): string => keyword(model, word, from);
  const lines: string[] = [`${kw('FROM')} ${runtimeImage(stage, outputs)} ${kw('AS')} runtime`];
  const textOf = (i: InstructionNode): string => model.text.slice(i.start, i.end);
  lines.push(...[...args].sort((a, b) => a.start - b.start).map(textOf));
  lines.push(...envs.map(textOf));
  if (finalWorkdir && finalWorkdir !== '/') {
    lines.push(`${kw('WORKDIR')} ${finalWorkdir}`);
  }
  const copied = paths.length > 0 ? paths : [l10n.t('/path/to/build/output')];
  lines.push(...copied.map((path) => copyFromLine(model, from, buildName, path, path)));
  for (const venv of venvCreations(model, stage)) {
    if (copied.some((path) => isWithin(venv.dir, path)) && !onPathInStage(model, stage, venv.dir)) {
      lines.push(...venvEnvLines(model, venv.dir, from, true));
    }
  }
  for (const instruction of moved) {
    const block = blockOf(model, instruction);
    edits.push({ range: model.index.rangeOf(block.start, block.end), newText: '' });
    lines.push(block.text);
  }
  const endsWithEol = model.text.endsWith('\n') || moved.some((i) => blockOf(model, i).end === model.text.length);
  edits.push({
    range: model.index.rangeOf(model.text.length, model.text.length),
    newText: (endsWithEol ? '' : eol) + eol + lines.join(eol) + eol,
  });
  return edits;
}
