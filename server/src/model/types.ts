// The Dockerfile model: what every rule and feature reads instead of re-parsing the text.
import type { Range } from 'vscode-languageserver-types';
import type { Instruction } from 'dockerfile-ast';
import type { ImageReference } from './imageReference';
import type { ShellScript } from './shell';
import type { TextIndex } from './textIndex';

export interface Span {
  readonly start: number;
  readonly end: number;
  readonly range: Range;
}

export interface Directive extends Span {
  readonly name: string;
  readonly value: string;
  readonly nameRange: Range;
  readonly valueRange: Range;
}

/** `# check=skip=A,B;error=true;experimental=C` as BuildKit reads it. */
export interface CheckDirective {
  readonly directive: Directive;
  readonly skipAll: boolean;
  readonly skip: readonly string[];
  readonly error: boolean;
  readonly experimental: readonly string[];
  readonly experimentalAll: boolean;
}

export interface FlagOptionNode {
  readonly name: string;
  readonly value: string | undefined;
  readonly nameRange: Range;
  readonly valueRange: Range | undefined;
}

export interface FlagNode {
  /** Name without dashes, as written (`platform`, `from`). */
  readonly name: string;
  readonly value: string | undefined;
  readonly range: Range;
  readonly nameRange: Range;
  readonly valueRange: Range | undefined;
  readonly options: readonly FlagOptionNode[];
}

export interface ArgumentNode extends Span {
  readonly value: string;
}

export interface HeredocNode {
  readonly name: string;
  readonly contentRange: Range | undefined;
  readonly delimiterRange: Range | undefined;
  readonly content: string;
}

export interface VariableDefinition {
  readonly name: string;
  /** Value after expansion, when known. */
  readonly value: string | undefined;
  readonly kind: 'arg' | 'env' | 'automatic';
  /** The instruction that set it, absent for automatic ARGs. */
  readonly instruction?: InstructionNode;
  readonly nameRange?: Range;
}

export type VariableScope = ReadonlyMap<string, VariableDefinition>;

export interface ShellSetting {
  readonly command: readonly string[];
  /** Windows shells (cmd, PowerShell) are not parsed as POSIX shell. */
  readonly posix: boolean;
}

export interface InstructionNode extends Span {
  readonly index: number;
  /** Upper-case keyword (`RUN`). */
  readonly keyword: string;
  /** Keyword as written (`run`). */
  readonly keywordText: string;
  readonly keywordRange: Range;
  readonly args: readonly ArgumentNode[];
  /** Arguments text as written after the flags (continuations kept). */
  readonly argsText: string;
  readonly argsRange: Range | undefined;
  readonly flags: readonly FlagNode[];
  readonly heredocs: readonly HeredocNode[];
  /** The exec-form array for RUN/CMD/ENTRYPOINT/SHELL/VOLUME/COPY/ADD, when written as JSON. */
  readonly jsonArgs: readonly string[] | undefined;
  /** Stage the instruction belongs to; undefined before the first FROM. */
  readonly stage: Stage | undefined;
  /** For ONBUILD, the wrapped instruction. */
  readonly trigger: InstructionNode | undefined;
  /** Variables visible to this instruction (before it takes effect). */
  readonly scope: VariableScope;
  /** Working directory in effect (absolute when known, undefined when the base image's). */
  readonly workdir: string | undefined;
  /** True when some WORKDIR was set in this stage or its parent stages before this instruction. */
  readonly workdirSet: boolean;
  readonly user: string | undefined;
  readonly shell: ShellSetting;
  /** Parsed shell of a shell-form RUN (command line, or heredoc scripts); empty otherwise. */
  readonly shellScripts: readonly ShellScript[];
  /** The underlying dockerfile-ast node. */
  readonly ast: Instruction;
}

export type StageEdgeKind = 'from' | 'copy' | 'mount';

export interface StageEdge {
  readonly kind: StageEdgeKind;
  /** The stage that takes something. */
  readonly to: Stage;
  /** The stage it takes from, or undefined when the name is an image or unknown. */
  readonly from: Stage | undefined;
  /** The name or index as written. */
  readonly reference: string;
  readonly referenceRange: Range;
  readonly instruction: InstructionNode;
}

export interface Stage {
  readonly index: number;
  readonly name: string | undefined;
  readonly nameRange: Range | undefined;
  readonly asKeywordRange: Range | undefined;
  readonly from: InstructionNode;
  /** Base image as written. */
  readonly baseText: string;
  readonly baseRange: Range | undefined;
  /** Base image after ARG expansion; undefined when it is a stage, `scratch`, or cannot be expanded. */
  readonly baseImage: ImageReference | undefined;
  /** Set when the base is an earlier stage. */
  readonly baseStage: Stage | undefined;
  readonly platform: FlagNode | undefined;
  readonly instructions: InstructionNode[];
}

export interface DockerfileModel {
  readonly text: string;
  readonly index: TextIndex;
  readonly escapeChar: string;
  readonly directives: readonly Directive[];
  readonly check: CheckDirective | undefined;
  readonly instructions: readonly InstructionNode[];
  /** ARG instructions before the first FROM. */
  readonly globalArgs: readonly InstructionNode[];
  readonly globalScope: VariableScope;
  readonly stages: readonly Stage[];
  readonly stageEdges: readonly StageEdge[];
  readonly comments: readonly Span[];
  /** Set when the underlying parser failed; the model is then empty. */
  readonly parseFailure?: string;
}
