// The buildkit rules, in the order their docs list them.
import type { Rule } from '../rule';

import { JSONArgsRecommended } from './JSONArgsRecommended';

export const buildkitRules: readonly Rule[] = [JSONArgsRecommended];
