// The scanner-neutral model of a scan: findings, reports and failures.

export type ScannerId = 'trivy' | 'grype' | 'docker-scout';
export type FindingKind = 'vulnerability' | 'misconfiguration' | 'secret';
export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'unknown';
/** fixed: a fixed version exists; notFixed: affected, no fix yet; wontFix: the distribution will not fix it. */
export type FixState = 'fixed' | 'notFixed' | 'wontFix' | 'unknown';

/** Most severe first; the order of every list and summary. */
export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'unknown'];

export interface PackageRef {
  readonly name: string;
  readonly version: string;
  readonly purl?: string;
}

export interface FindingLocation {
  /** A file in the scanned target: a workspace file for config scans, a path inside the image otherwise. */
  readonly path: string;
  /** 1-based, as the scanners print them. */
  readonly startLine?: number;
  readonly endLine?: number;
}

export interface Finding {
  readonly scanner: ScannerId;
  readonly kind: FindingKind;
  /** CVE/GHSA id, or a check id normalised as `DS-0002` for Trivy's Dockerfile checks. */
  readonly id: string;
  /** Other ids of the same finding (old check ids, related CVEs). */
  readonly aliases: readonly string[];
  readonly severity: Severity;
  readonly title: string;
  readonly package?: PackageRef;
  readonly fixedVersions: readonly string[];
  readonly fixState: FixState;
  readonly url?: string;
  readonly location?: FindingLocation;
}

export interface ScannerInfo {
  readonly id: ScannerId;
  /** The version the tool reported; `undefined` when it did not say. */
  readonly version?: string;
}

export interface ScanReport {
  /** The image reference or path that was scanned, as the user gave it. */
  readonly target: string;
  readonly scanner: ScannerInfo;
  /** When the vulnerability database was built, when the scanner says so (ISO 8601). */
  readonly databaseDate?: string;
  /** When the scan finished (ISO 8601). */
  readonly time: string;
  readonly findings: readonly Finding[];
}

export type FailureReason =
  | 'notInstalled'
  | 'daemonUnreachable'
  | 'imageNotFound'
  | 'notLoggedIn'
  | 'timedOut'
  | 'cancelled'
  | 'exitedNonZero'
  | 'badOutput'
  | 'failedToStart'
  | 'dockerScanRemoved';

/** A scan that did not produce a result; never shown as a report with zero findings. */
export interface ScanFailure {
  readonly reason: FailureReason;
  /** A sentence for the user: what happened and what to do next. */
  readonly message: string;
  readonly target: string;
  readonly scanner?: ScannerInfo;
  readonly time: string;
  /** What the tool printed last, for the log and the tooltip. */
  readonly detail?: string;
}

export type ScanOutcome = { readonly ok: true; readonly report: ScanReport } | { readonly ok: false; readonly failure: ScanFailure };

export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

export function isFixable(finding: Finding): boolean {
  return finding.fixedVersions.length > 0;
}
