// The shell rules, in the order their docs list them.
import type { Rule } from '../rule';

import { AddInsteadOfCopy } from './AddInsteadOfCopy';
import { ApkAddMissingNoCache } from './ApkAddMissingNoCache';
import { AptGetMissingNoInstallRecommends } from './AptGetMissingNoInstallRecommends';
import { AptGetMissingYes } from './AptGetMissingYes';
import { AptInsteadOfAptGet } from './AptInsteadOfAptGet';
import { AptListsNotRemoved } from './AptListsNotRemoved';
import { BothCurlAndWget } from './BothCurlAndWget';
import { LastUserRoot } from './LastUserRoot';
import { PipeWithoutPipefail } from './PipeWithoutPipefail';
import { PipMissingNoCacheDir } from './PipMissingNoCacheDir';
import { SudoInRun } from './SudoInRun';
import { UnpinnedApkPackages } from './UnpinnedApkPackages';
import { UnpinnedAptPackages } from './UnpinnedAptPackages';
import { UnpinnedPipPackages } from './UnpinnedPipPackages';
import { WorkdirInsteadOfCd } from './WorkdirInsteadOfCd';

export const shellRules: readonly Rule[] = [
  WorkdirInsteadOfCd,
  SudoInRun,
  UnpinnedAptPackages,
  UnpinnedApkPackages,
  UnpinnedPipPackages,
  AptListsNotRemoved,
  AptGetMissingYes,
  AptGetMissingNoInstallRecommends,
  ApkAddMissingNoCache,
  AptInsteadOfAptGet,
  PipMissingNoCacheDir,
  BothCurlAndWget,
  PipeWithoutPipefail,
  LastUserRoot,
  AddInsteadOfCopy,
];
