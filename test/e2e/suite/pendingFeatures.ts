// Features the suite already tests but the extension does not have yet. Delete an entry to enable its tests.
export const PENDING_FEATURES: Partial<Record<PendingFeature, string>> = {};

export type PendingFeature =
  | 'restartCommand'
  | 'spanishSetting'
  | 'venvQuickFix'
  | 'mountTypeCompletion';

/** `test`, or `test.skip` with the reason in the title while the feature is pending. */
export function featureTest(feature: PendingFeature, title: string, body: Mocha.Func | Mocha.AsyncFunc): void {
  const reason = PENDING_FEATURES[feature];
  if (reason) {
    test.skip(`${title} (skipped: ${reason})`, body);
  } else {
    test(title, body);
  }
}
