// Recognises which scanner wrote an output file (Trivy JSON, Grype JSON or SARIF) and parses it.
import * as l10n from '@vscode/l10n';
import { scannerDisplayName } from './display';
import type { ScannerId } from './model';
import { isGrypeJson, readGrypeReport } from './parseGrype';
import { isSarifLog, readSarifLog } from './parseSarif';
import { isTrivyJson, readTrivyReport } from './parseTrivy';
import { parseJsonText, ScanOutputError, type ParsedScan } from './parsing';

export { ScanOutputError, type ParsedScan } from './parsing';

/** Parses any supported output; with `expected`, output written by another tool is an error too. */
export function parseScanOutput(text: string, expected?: ScannerId): ParsedScan {
  const what = expected ? scannerDisplayName(expected) : l10n.t('scanner');
  const document = parseJsonText(text, what);
  let parsed: ParsedScan;
  if (isSarifLog(document)) {
    parsed = readSarifLog(document);
  } else if (isTrivyJson(document)) {
    parsed = readTrivyReport(document);
  } else if (isGrypeJson(document)) {
    parsed = readGrypeReport(document);
  } else {
    throw new ScanOutputError(l10n.t('The {0} output is neither a Trivy or Grype JSON report nor a SARIF log.', what));
  }
  if (expected && parsed.scanner.id !== expected) {
    throw new ScanOutputError(
      l10n.t('The output was expected from {0} but was written by {1}.', scannerDisplayName(expected), scannerDisplayName(parsed.scanner.id)),
    );
  }
  return parsed;
}
