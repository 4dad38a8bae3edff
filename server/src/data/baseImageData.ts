// Release and end-of-life dates of the base images the extension knows, as recorded on BASE_IMAGE_DATA_DATE.

/**
 * The day this table was taken. Dates come from the projects' own schedules as published by
 * endoflife.date; where a project had only announced a policy (a month, or "two releases later"),
 * the date follows that policy and the cycle is marked `estimated`.
 */
export const BASE_IMAGE_DATA_DATE = '2026-11-28';

export interface ReleaseCycle {
  /** The version or release as tags spell it: `3.12`, `20`, `1.25`, `12`, `24.04`, `3.21`. */
  readonly cycle: string;
  readonly codename?: string;
  readonly released: string;
  /** End of regular (security) support where a longer, paid or LTS-team phase follows it. */
  readonly supportEnd?: string;
  /** End of all free support: after this day no fixes are published. */
  readonly eol: string;
  readonly lts?: boolean;
  /** True when a date above follows an announced policy rather than a fixed day. */
  readonly estimated?: boolean;
}

export const PYTHON_CYCLES: readonly ReleaseCycle[] = [
  { cycle: '2.7', released: '2010-07-03', eol: '2020-01-01' },
  { cycle: '3.5', released: '2015-09-13', eol: '2020-09-30' },
  { cycle: '3.6', released: '2016-12-23', eol: '2021-12-23' },
  { cycle: '3.7', released: '2018-06-27', eol: '2023-06-27' },
  { cycle: '3.8', released: '2019-10-14', eol: '2024-10-07' },
  { cycle: '3.9', released: '2020-10-05', eol: '2025-10-31' },
  { cycle: '3.10', released: '2021-10-04', eol: '2026-10-31' },
  { cycle: '3.11', released: '2022-10-24', eol: '2027-10-31' },
  { cycle: '3.12', released: '2023-10-02', eol: '2028-10-31' },
  { cycle: '3.13', released: '2024-10-07', eol: '2029-10-31' },
  { cycle: '3.14', released: '2025-10-07', eol: '2030-10-31' },
  { cycle: '3.15', released: '2026-10-01', eol: '2031-10-31', estimated: true },
];

export const NODE_CYCLES: readonly ReleaseCycle[] = [
  { cycle: '6', codename: 'boron', released: '2016-04-26', eol: '2019-04-30', lts: true },
  { cycle: '8', codename: 'carbon', released: '2017-05-30', eol: '2019-12-31', lts: true },
  { cycle: '10', codename: 'dubnium', released: '2018-04-24', eol: '2021-04-30', lts: true },
  { cycle: '11', released: '2018-10-23', eol: '2019-06-01' },
  { cycle: '12', codename: 'erbium', released: '2019-04-23', eol: '2022-04-30', lts: true },
  { cycle: '13', released: '2019-10-22', eol: '2020-06-01' },
  { cycle: '14', codename: 'fermium', released: '2020-04-21', eol: '2023-04-30', lts: true },
  { cycle: '15', released: '2020-10-20', eol: '2021-06-01' },
  { cycle: '16', codename: 'gallium', released: '2021-04-20', eol: '2023-09-11', lts: true },
  { cycle: '17', released: '2021-10-19', eol: '2022-06-01' },
  { cycle: '18', codename: 'hydrogen', released: '2022-04-19', eol: '2025-04-30', lts: true },
  { cycle: '19', released: '2022-10-18', eol: '2023-06-01' },
  { cycle: '20', codename: 'iron', released: '2023-04-18', eol: '2026-04-30', lts: true },
  { cycle: '21', released: '2023-10-17', eol: '2024-06-01' },
  { cycle: '22', codename: 'jod', released: '2024-04-24', eol: '2027-04-30', lts: true },
  { cycle: '23', released: '2024-10-16', eol: '2025-06-01' },
  { cycle: '24', codename: 'krypton', released: '2025-05-06', eol: '2028-04-30', lts: true },
  { cycle: '25', released: '2025-10-15', eol: '2026-06-01' },
  { cycle: '26', codename: 'lithium', released: '2026-04-22', eol: '2029-04-30', lts: true, estimated: true },
];

export const GO_CYCLES: readonly ReleaseCycle[] = [
  { cycle: '1.16', released: '2021-02-16', eol: '2022-03-15' },
  { cycle: '1.17', released: '2021-08-16', eol: '2022-08-02' },
  { cycle: '1.18', released: '2022-03-15', eol: '2023-02-01' },
  { cycle: '1.19', released: '2022-08-02', eol: '2023-09-06' },
  { cycle: '1.20', released: '2023-02-01', eol: '2024-02-06' },
  { cycle: '1.21', released: '2023-08-08', eol: '2024-08-13' },
  { cycle: '1.22', released: '2024-02-06', eol: '2025-02-11' },
  { cycle: '1.23', released: '2024-08-13', eol: '2025-08-12' },
  { cycle: '1.24', released: '2025-02-11', eol: '2026-02-11' },
  // Go supports each release until the second newer one ships (February and August).
  { cycle: '1.25', released: '2025-08-12', eol: '2026-08-11', estimated: true },
  { cycle: '1.26', released: '2026-02-11', eol: '2027-02-09', estimated: true },
  { cycle: '1.27', released: '2026-08-11', eol: '2027-08-10', estimated: true },
];

/** Eclipse Temurin's support windows; the deprecated `openjdk` image is judged by the same Java release. */
export const JAVA_CYCLES: readonly ReleaseCycle[] = [
  { cycle: '8', released: '2014-03-18', eol: '2030-12-31', lts: true },
  { cycle: '11', released: '2018-09-25', eol: '2027-10-31', lts: true },
  { cycle: '16', released: '2021-03-16', eol: '2021-09-14' },
  { cycle: '17', released: '2021-09-14', eol: '2027-10-31', lts: true },
  { cycle: '18', released: '2022-03-22', eol: '2022-09-20' },
  { cycle: '19', released: '2022-09-20', eol: '2023-03-21' },
  { cycle: '20', released: '2023-03-21', eol: '2023-09-19' },
  { cycle: '21', released: '2023-09-19', eol: '2029-12-31', lts: true },
  { cycle: '22', released: '2024-03-19', eol: '2024-09-17' },
  { cycle: '23', released: '2024-09-17', eol: '2025-03-18' },
  { cycle: '24', released: '2025-03-18', eol: '2025-09-16' },
  { cycle: '25', released: '2025-09-16', eol: '2031-09-30', lts: true },
  { cycle: '26', released: '2026-03-17', eol: '2026-09-15', estimated: true },
  { cycle: '27', released: '2026-09-15', eol: '2027-03-16', estimated: true },
];

export const DEBIAN_CYCLES: readonly ReleaseCycle[] = [
  { cycle: '8', codename: 'jessie', released: '2015-04-25', supportEnd: '2018-06-17', eol: '2020-06-30' },
  { cycle: '9', codename: 'stretch', released: '2017-06-17', supportEnd: '2020-07-18', eol: '2022-06-30' },
  { cycle: '10', codename: 'buster', released: '2019-07-06', supportEnd: '2022-09-10', eol: '2024-06-30' },
  { cycle: '11', codename: 'bullseye', released: '2021-08-14', supportEnd: '2024-08-14', eol: '2026-08-31' },
  { cycle: '12', codename: 'bookworm', released: '2023-06-10', supportEnd: '2026-06-10', eol: '2028-06-30' },
  { cycle: '13', codename: 'trixie', released: '2025-08-09', supportEnd: '2028-08-09', eol: '2030-06-30', estimated: true },
];

/** Moving Debian tags, resolved as of BASE_IMAGE_DATA_DATE. */
export const DEBIAN_SUITES: Readonly<Record<string, string>> = { stable: 'trixie', oldstable: 'bookworm' };

/** `eol` is the end of standard support; LTS releases can buy more years (ESM) from Canonical. */
export const UBUNTU_CYCLES: readonly ReleaseCycle[] = [
  { cycle: '16.04', codename: 'xenial', released: '2016-04-21', eol: '2021-04-30', lts: true },
  { cycle: '18.04', codename: 'bionic', released: '2018-04-26', eol: '2023-05-31', lts: true },
  { cycle: '18.10', codename: 'cosmic', released: '2018-10-18', eol: '2019-07-18' },
  { cycle: '19.04', codename: 'disco', released: '2019-04-18', eol: '2020-01-23' },
  { cycle: '19.10', codename: 'eoan', released: '2019-10-17', eol: '2020-07-17' },
  { cycle: '20.04', codename: 'focal', released: '2020-04-23', eol: '2025-05-31', lts: true },
  { cycle: '20.10', codename: 'groovy', released: '2020-10-22', eol: '2021-07-22' },
  { cycle: '21.04', codename: 'hirsute', released: '2021-04-22', eol: '2022-01-20' },
  { cycle: '21.10', codename: 'impish', released: '2021-10-14', eol: '2022-07-14' },
  { cycle: '22.04', codename: 'jammy', released: '2022-04-21', eol: '2027-04-30', lts: true },
  { cycle: '22.10', codename: 'kinetic', released: '2022-10-20', eol: '2023-07-20' },
  { cycle: '23.04', codename: 'lunar', released: '2023-04-20', eol: '2024-01-25' },
  { cycle: '23.10', codename: 'mantic', released: '2023-10-12', eol: '2024-07-11' },
  { cycle: '24.04', codename: 'noble', released: '2024-04-25', eol: '2029-04-30', lts: true },
  { cycle: '24.10', codename: 'oracular', released: '2024-10-10', eol: '2025-07-10' },
  { cycle: '25.04', codename: 'plucky', released: '2025-04-17', eol: '2026-01-15', estimated: true },
  { cycle: '25.10', codename: 'questing', released: '2025-10-09', eol: '2026-07-09', estimated: true },
  { cycle: '26.04', codename: 'resolute', released: '2026-04-23', eol: '2031-04-30', lts: true, estimated: true },
];

export const ALPINE_CYCLES: readonly ReleaseCycle[] = [
  { cycle: '3.5', released: '2016-12-22', eol: '2018-11-01' },
  { cycle: '3.6', released: '2017-05-24', eol: '2019-05-01' },
  { cycle: '3.7', released: '2017-11-30', eol: '2019-11-01' },
  { cycle: '3.8', released: '2018-06-26', eol: '2020-05-01' },
  { cycle: '3.9', released: '2019-01-29', eol: '2020-11-01' },
  { cycle: '3.10', released: '2019-06-19', eol: '2021-05-01' },
  { cycle: '3.11', released: '2019-12-19', eol: '2021-11-01' },
  { cycle: '3.12', released: '2020-05-29', eol: '2022-05-01' },
  { cycle: '3.13', released: '2021-01-14', eol: '2022-11-01' },
  { cycle: '3.14', released: '2021-06-15', eol: '2023-05-01' },
  { cycle: '3.15', released: '2021-11-24', eol: '2023-11-01' },
  { cycle: '3.16', released: '2022-05-23', eol: '2024-05-23' },
  { cycle: '3.17', released: '2022-11-22', eol: '2024-11-22' },
  { cycle: '3.18', released: '2023-05-09', eol: '2025-05-09' },
  { cycle: '3.19', released: '2023-12-07', eol: '2025-11-01' },
  { cycle: '3.20', released: '2024-05-22', eol: '2026-04-01' },
  { cycle: '3.21', released: '2024-12-05', eol: '2026-11-01' },
  { cycle: '3.22', released: '2025-05-30', eol: '2027-05-01' },
  { cycle: '3.23', released: '2025-12-03', eol: '2027-11-01' },
  { cycle: '3.24', released: '2026-05-20', eol: '2028-05-01', estimated: true },
];
