// The guide rules, in the order their docs list them.
import type { Rule } from '../rule';

import { VenvNotOnPath } from './VenvNotOnPath';
import { CopiedVenvNotOnPath } from './CopiedVenvNotOnPath';
import { LibcMismatch } from './LibcMismatch';
import { VenvPythonVersionMismatch } from './VenvPythonVersionMismatch';
import { CopyFromUnknownStage } from './CopyFromUnknownStage';
import { CopyFromOwnStage } from './CopyFromOwnStage';
import { SingleStageBuildTools } from './SingleStageBuildTools';
import { BaseImageEndOfLife } from './BaseImageEndOfLife';
import { UntaggedOrLatestBaseImage } from './UntaggedOrLatestBaseImage';
import { RelativeCopyDestination } from './RelativeCopyDestination';

export const guideRules: readonly Rule[] = [
  VenvNotOnPath,
  CopiedVenvNotOnPath,
  LibcMismatch,
  VenvPythonVersionMismatch,
  CopyFromUnknownStage,
  CopyFromOwnStage,
  SingleStageBuildTools,
  BaseImageEndOfLife,
  UntaggedOrLatestBaseImage,
  RelativeCopyDestination,
];
