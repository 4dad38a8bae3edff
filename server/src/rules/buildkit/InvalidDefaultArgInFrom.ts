// BuildKit's InvalidDefaultArgInFrom: with the global ARGs' defaults alone, a FROM must still name a valid image.
import * as l10n from '@vscode/l10n';
import { parseImageReference } from '../../model/imageReference';
import type { VariableDefinition } from '../../model/types';
import { expandVariables } from '../../model/variables';
import type { Rule } from '../rule';

/** Values the automatic platform ARGs take in a typical build, so `build_${TARGETARCH}` reads as a real name. */
const typicalPlatform: Readonly<Record<string, string>> = {
  TARGETPLATFORM: 'linux/amd64',
  TARGETOS: 'linux',
  TARGETARCH: 'amd64',
  TARGETVARIANT: '',
  BUILDPLATFORM: 'linux/amd64',
  BUILDOS: 'linux',
  BUILDARCH: 'amd64',
  BUILDVARIANT: '',
};

export const InvalidDefaultArgInFrom: Rule = {
  id: 'InvalidDefaultArgInFrom',
  aliases: [],
  origin: 'buildkit',
  defaultSeverity: 'warning',
  description: () => l10n.t('Default value for global ARG results in an empty or invalid base image name'),
  check({ model, report }) {
    const defaults = new Map<string, VariableDefinition>();
    for (const [name, definition] of model.globalScope) {
      const value = definition.kind === 'automatic' ? typicalPlatform[name] : definition.value;
      // An ARG without a default is unset: BuildKit expands it to nothing.
      if (value !== undefined) {
        defaults.set(name, { ...definition, value });
      }
    }
    for (const stage of model.stages) {
      if (!stage.baseRange || !stage.baseText.includes('$')) {
        continue;
      }
      const expanded = expandVariables(stage.baseText, defaults, model.escapeChar).value;
      if (parseImageReference(expanded) !== undefined) {
        continue;
      }
      report({
        range: stage.baseRange,
        message: l10n.t('Default value for ARG {0} results in empty or invalid base image name', stage.baseText),
      });
    }
  },
};
