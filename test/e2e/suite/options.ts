// Options the runner hands to the suite through the extension host's environment.
export type SuiteMode = 'trusted' | 'restricted' | 'es' | 'vsix';

function readMode(value: string | undefined): SuiteMode {
  return value === 'restricted' || value === 'es' || value === 'vsix' ? value : 'trusted';
}

export const suiteOptions = {
  mode: readMode(process.env.DFA_E2E_MODE),
  /** Where index.js writes mocha's stats and failures for the runner's summary. */
  resultsFile: process.env.DFA_E2E_RESULTS_FILE,
  grep: process.env.DFA_E2E_GREP,
  /** The extensions folder the VSIX was installed into (VSIX mode only). */
  extensionsDir: process.env.DFA_E2E_EXTENSIONS_DIR,
};
