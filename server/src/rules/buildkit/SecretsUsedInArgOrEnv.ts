// BuildKit's SecretsUsedInArgOrEnv: ARG and ENV values stay in the image's history and config; secrets belong in secret mounts.
import * as l10n from '@vscode/l10n';
import { checkEveryStage, type Rule } from '../rule';
import { keyValuePairs } from './support';
import { instructionsInStage } from '../../model/stageInstructions';

// BuildKit's word lists: a secret-like word as the whole name or one of its `_`-separated ends.
const secretName = /(?:_|^)(?:apikey|auth|credential|credentials|key|password|pword|passwd|secret|token)(?:_|$)/i;
const allowedName = /(?:_|^)(?:public|file|version)(?:_|$)/i;

export const SecretsUsedInArgOrEnv: Rule = {
  id: 'SecretsUsedInArgOrEnv',
  aliases: [],
  origin: 'buildkit',
  defaultSeverity: 'warning',
  description: () => l10n.t('Sensitive data should not be used in the ARG or ENV commands'),
  check: checkEveryStage((context) => SecretsUsedInArgOrEnv.checkStage!(context)),
  checkStage({ model, stage, report }) {
    for (const instruction of instructionsInStage(model, stage)) {
      if (instruction.keyword !== 'ARG' && instruction.keyword !== 'ENV') {
        continue;
      }
      for (const pair of keyValuePairs(instruction)) {
        if (secretName.test(pair.name) && !allowedName.test(pair.name)) {
          report({
            range: pair.nameRange,
            message: l10n.t('Do not use ARG or ENV instructions for sensitive data ({0} {1})', instruction.keyword, JSON.stringify(pair.name)),
          });
        }
      }
    }
  },
};
