// The shell rules, in the order their docs list them.
import type { Rule } from '../rule';

export const shellRules: readonly Rule[] = [];
