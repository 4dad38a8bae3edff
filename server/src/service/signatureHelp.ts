// Signature help in the current language: the syntax of instructions with flags, and of a RUN mount, with the parameter under the cursor highlighted.
import * as l10n from '@vscode/l10n';
import type {
  MarkupContent,
  ParameterInformation,
  Position,
  SignatureHelp,
  SignatureInformation,
} from 'vscode-languageserver-types';
import {
  flagDoc, instructionDoc, listFlags, listMountOptions, listMountTypes, mountDoc, type FlagInfo, type MountType,
} from '../docs/referenceDocs';
import { currentLanguage } from '../l10n/locale';
import type { DockerfileModel, FlagNode, InstructionNode } from '../model/types';
import { firstParagraph, instructionStartingBefore, rangeTouches, unwrapTrigger } from './cursorContext';

type ArgumentRole = 'image' | 'stageName' | 'source' | 'destination' | 'command' | 'healthcheck';

interface Part {
  readonly text: string;
  readonly documentation: string | undefined;
  readonly flag?: string;
  readonly role?: ArgumentRole;
}

/** The instructions that take flags, which the base service describes without them, and their arguments. */
const ARGUMENTS: Readonly<Record<string, readonly ArgumentRole[]>> = {
  FROM: ['image', 'stageName'],
  COPY: ['source', 'destination'],
  ADD: ['source', 'destination'],
  RUN: ['command'],
  HEALTHCHECK: ['healthcheck'],
};

function placeholder(word: string): string {
  return `<${word}>`;
}

function argumentText(role: ArgumentRole): string {
  switch (role) {
    case 'image':
      return `${l10n.t('<image>')}[:${placeholder('tag')}|@${placeholder('digest')}]`;
    case 'stageName':
      return `[AS ${l10n.t('<name>')}]`;
    case 'source':
      return `${l10n.t('<source>')}...`;
    case 'destination':
      return l10n.t('<destination>');
    case 'command':
      return l10n.t('<command>');
    case 'healthcheck':
      return `CMD ${l10n.t('<command>')} | NONE`;
  }
}

function argumentDocumentation(role: ArgumentRole): string {
  switch (role) {
    case 'image':
      return l10n.t('The base image of this stage, or an earlier stage.');
    case 'stageName':
      return l10n.t('Names this stage so that later stages can use it in {0}, {1} and {2}.', '`FROM`', '`COPY --from`', '`RUN --mount=from=`');
    case 'source':
      return l10n.t('Files or directories to copy, relative to the build context (or to the stage given with `--from`).');
    case 'destination':
      return l10n.t('Where to put them in the image; a relative path starts at `WORKDIR`.');
    case 'command':
      return l10n.t('The command to run, in shell form or as a JSON array.');
    case 'healthcheck':
      return l10n.t('The command that tests the container, or `NONE` to disable the check inherited from the base image.');
  }
}

const FLAG_PLACEHOLDERS: Readonly<Record<string, () => string>> = {
  platform: () => l10n.t('<platform>'),
  from: () => l10n.t('<stage|image>'),
  chown: () => `${l10n.t('<user>')}:${l10n.t('<group>')}`,
  chmod: () => l10n.t('<permissions>'),
  exclude: () => l10n.t('<pattern>'),
  checksum: () => placeholder('sha256:…'),
  mount: () => l10n.t('<mount>'),
  device: () => l10n.t('<device>'),
  retries: () => placeholder('n'),
};

function optionPlaceholder(option: string): string {
  return option === 'target' || option === 'source' ? l10n.t('<path>') : placeholder(option);
}

function flagText(flag: FlagInfo): string {
  if (!flag.valueRequired) {
    return `[--${flag.name}]`;
  }
  const value = FLAG_PLACEHOLDERS[flag.name]?.() ?? (flag.values !== undefined && flag.values.length <= 3 ? flag.values.join('|') : l10n.t('<duration>'));
  return `[--${flag.name}=${value}]`;
}

function markdown(text: string | undefined): MarkupContent | undefined {
  return text === undefined ? undefined : { kind: 'markdown', value: text };
}

/** Joins `prefix` and the parts into one label, recording where each part lies so that the client can highlight it. */
function signature(prefix: string, documentation: string | undefined, parts: readonly Part[], separator: string, gap: string): SignatureInformation {
  let text = prefix;
  const parameters: ParameterInformation[] = [];
  parts.forEach((part, i) => {
    text += i === 0 ? gap : separator;
    parameters.push({ label: [text.length, text.length + part.text.length], documentation: markdown(part.documentation) });
    text += part.text;
  });
  return { label: text, documentation: markdown(documentation), parameters };
}

/** Signature help for FROM, COPY, ADD, RUN and HEALTHCHECK at `position`; undefined elsewhere. */
export function computeSignatureHelp(model: DockerfileModel, position: Position): SignatureHelp | undefined {
  const offset = model.index.offsetAt(position);
  const candidate = instructionStartingBefore(model, offset);
  if (candidate === undefined || (offset > candidate.end && candidate.range.end.line !== position.line)) {
    return undefined;
  }
  const instruction = unwrapTrigger(model, candidate, offset);
  const roles = ARGUMENTS[instruction.keyword];
  if (roles === undefined || offset < model.index.offsetAt(instruction.keywordRange.end)) {
    return undefined;
  }
  const language = currentLanguage();
  const flags = listFlags(instruction.keyword);
  const parts: Part[] = [
    ...flags.map((f) => ({ text: flagText(f), documentation: firstParagraph(flagDoc(instruction.keyword, f.name, language)), flag: f.name })),
    ...roles.map((role) => ({ text: argumentText(role), documentation: argumentDocumentation(role), role })),
  ];
  const main = signature(instruction.keywordText.toUpperCase(), firstParagraph(instructionDoc(instruction.keyword, language)), parts, ' ', ' ');
  const flag = instruction.flags.find((f) => rangeTouches(f.range, position));
  if (flag !== undefined && instruction.keyword === 'RUN' && flag.name.toLowerCase() === 'mount') {
    const mount = mountSignature(flag, position);
    return { signatures: [main, mount.signature], activeSignature: 1, activeParameter: mount.active };
  }
  let active: number;
  if (flag !== undefined) {
    const index = parts.findIndex((p) => p.flag === flag.name.toLowerCase());
    active = index < 0 ? parts.length : index;
  } else {
    active = flags.length + argumentIndex(instruction, roles, offset);
  }
  return { signatures: [main], activeSignature: 0, activeParameter: active };
}

/** Which argument the cursor is on, by how many arguments end before it. */
function argumentIndex(instruction: InstructionNode, roles: readonly ArgumentRole[], offset: number): number {
  const before = instruction.args.filter((a) => a.end < offset).length;
  if (roles[0] === 'source') {
    // `<src>... <dest>`: the last argument is the destination, any other one a source.
    const isLast = before >= 1 && before >= instruction.args.length - 1;
    return isLast ? 1 : 0;
  }
  if (roles[0] === 'image') {
    return before === 0 ? 0 : 1;
  }
  return 0;
}

function mountSignature(flag: FlagNode, position: Position): { signature: SignatureInformation; active: number } {
  const language = currentLanguage();
  const typeOption = flag.options.find((o) => o.name.toLowerCase() === 'type');
  // BuildKit mounts `bind` when no type is given; while the type is being typed, list them all.
  const type = typeOption === undefined ? 'bind' : typeOption.value?.toLowerCase() ?? '';
  const known = listMountTypes().includes(type as MountType);
  const options = listMountOptions(type);
  const parts: Part[] = [
    {
      text: `type=${known ? type : listMountTypes().join('|')}`,
      documentation: firstParagraph(known ? mountDoc(`type=${type}`, language) : flagDoc('RUN', 'mount', language)),
    },
    ...options.map((o) => ({
      text: o.bare ? o.name : `${o.name}=${o.values?.join('|') ?? optionPlaceholder(o.name)}`,
      documentation: firstParagraph(mountDoc(o.name, language)),
      flag: o.name,
    })),
  ];
  const mount = signature('--mount=', undefined, parts, ',', '');
  const current = flag.options.find((o) => rangeTouches(o.nameRange, position) || rangeTouches(o.valueRange, position));
  const name = current?.name.toLowerCase();
  let active = parts.length;
  if (name === 'type') {
    active = 0;
  } else if (name !== undefined) {
    const index = options.findIndex((o) => o.name === name || o.aliases.includes(name));
    active = index < 0 ? parts.length : index + 1;
  }
  return { signature: mount, active };
}

/** The base service's signature help with its descriptions in the current language; its syntax labels stay as written. */
export function translateSignatureHelp(help: SignatureHelp): SignatureHelp {
  if (currentLanguage() === 'en') {
    return help;
  }
  const translate = <T extends string | MarkupContent | undefined>(doc: T): T =>
    (typeof doc === 'string' ? l10n.t(doc) : doc) as T;
  return {
    ...help,
    signatures: help.signatures.map((s) => ({
      ...s,
      documentation: translate(s.documentation),
      parameters: s.parameters?.map((p) => ({ ...p, documentation: translate(p.documentation) })),
    })),
  };
}
