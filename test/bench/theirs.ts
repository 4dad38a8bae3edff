// dockerfile-utils' validation as published, the baseline the benchmark compares against.
import { validate } from 'dockerfile-utils';
import { installDockerfileAstMemo, uninstallDockerfileAstMemo } from '../../server/src/model/dockerfileAstMemo';

/** `validate` without the memo our model puts into dockerfile-ast (see server/src/model/dockerfileAstMemo.ts). */
export function theirValidate(text: string): unknown {
  uninstallDockerfileAstMemo();
  try {
    return validate(text);
  } finally {
    installDockerfileAstMemo();
  }
}
