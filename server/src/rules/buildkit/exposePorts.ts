// Splits EXPOSE words the way BuildKit reads `[ip:][hostPort:]containerPort[/proto]`.
import type { DockerfileModel, InstructionNode } from '../../model/types';
import { expandVariables } from '../../model/variables';

export interface ExposedPort {
  /** The word after variable expansion. */
  readonly raw: string;
  readonly ip: string;
  readonly hostPort: string;
  readonly protocol: string;
  /** Document offsets of the word as written. */
  readonly start: number;
  readonly end: number;
  /** True when the word has no variables, so its text can be edited directly. */
  readonly literal: boolean;
}

export function exposedPorts(model: DockerfileModel, instruction: InstructionNode): ExposedPort[] {
  if (instruction.keyword !== 'EXPOSE') {
    return [];
  }
  return instruction.args.map((arg) => {
    const expansion = expandVariables(arg.value, instruction.scope, model.escapeChar);
    const raw = expansion.value;
    const parts = raw.split(':');
    const containerPart = parts[parts.length - 1];
    const hostPort = parts.length >= 2 ? parts[parts.length - 2] : '';
    const ip = parts.length >= 3 ? parts.slice(0, parts.length - 2).join(':') : '';
    const slash = containerPart.indexOf('/');
    const protocol = slash >= 0 ? containerPart.slice(slash + 1) : '';
    return { raw, ip, hostPort, protocol, start: arg.start, end: arg.end, literal: expansion.uses.length === 0 };
  });
}
