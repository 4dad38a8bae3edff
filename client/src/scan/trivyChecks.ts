// Trivy's Dockerfile checks: today's ids (DS-0002) and the names and ids they had before trivy-checks v2.

/** Check id → the check's short name in trivy-checks (its old alias, and with a `docker-` prefix another). */
const DOCKERFILE_CHECK_NAMES: ReadonlyMap<string, string> = new Map([
  ['DS-0001', 'use-specific-tags'],
  ['DS-0002', 'least-privilege-user'],
  ['DS-0004', 'no-ssh-port'],
  ['DS-0005', 'use-copy-over-add'],
  ['DS-0006', 'no-self-referencing-copy-from'],
  ['DS-0007', 'only-one-entrypoint'],
  ['DS-0008', 'port-out-of-range'],
  ['DS-0009', 'user-absolute-workdir'],
  ['DS-0010', 'no-sudo-run'],
  ['DS-0011', 'use-slash-for-copy-args'],
  ['DS-0012', 'no-duplicate-alias'],
  ['DS-0013', 'use-workdir-over-cd'],
  ['DS-0014', 'standardise-remote-get'],
  ['DS-0015', 'purge-yum-package-cache'],
  ['DS-0016', 'only-one-cmd'],
  ['DS-0017', 'no-orphan-package-update'],
  ['DS-0019', 'purge-dnf-package-cache'],
  ['DS-0020', 'purge-zipper-cache'],
  ['DS-0021', 'use-apt-auto-confirm'],
  ['DS-0022', 'no-maintainer'],
  ['DS-0023', 'only-one-healthcheck'],
  ['DS-0024', 'no-dist-upgrade'],
  ['DS-0025', 'purge-apk-package-cache'],
  ['DS-0026', 'no-healthcheck'],
  ['DS-0027', 'purge-microdnf-package-cache'],
  ['DS-0029', 'use-apt-no-install-recommends'],
  ['DS-0030', 'avoid-sys-workdir-mounts'],
  ['DS-0031', 'do-not-pass-secrets'],
]);

export function knownDockerfileCheckIds(): string[] {
  return [...DOCKERFILE_CHECK_NAMES.keys()];
}

/** `DS002`, `AVD-DS-0002`, `DS-0002` → `DS-0002`; other ids (custom checks, KSV-0001) are kept. */
export function normalizeTrivyCheckId(id: string): string {
  const old = /^DS-?(\d{1,4})$/i.exec(id) ?? /^AVD-DS-(\d{1,4})$/i.exec(id);
  return old ? `DS-${old[1].padStart(4, '0')}` : id;
}

/** Every other id the check has been known by (`AVD-DS-0002`, `DS002`, `least-privilege-user`, ...). */
export function dockerfileCheckAliases(canonicalId: string): string[] {
  const digits = /^DS-(\d{4})$/.exec(canonicalId)?.[1];
  if (!digits) {
    return [];
  }
  const aliases = [`AVD-DS-${digits}`, `DS${digits.slice(1)}`];
  const name = DOCKERFILE_CHECK_NAMES.get(canonicalId);
  if (name) {
    aliases.push(name, `docker-${name}`);
  }
  return aliases;
}
