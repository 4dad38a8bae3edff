// The `dockerfile-advisor` command line: the same analysis as the editor, for CI.
import * as fs from 'fs';
import * as path from 'path';
import { parseArgs } from 'util';
import * as l10n from '@vscode/l10n';
import { createTwoFilesPatch } from 'diff';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { resolveLanguage, setLanguage } from '../l10n/locale';
import { createAdvisorService } from '../service/advisorService';
import { fixAllEdits } from '../service/codeActions';
import type { ValidationOptions } from '../service/validation';
import { ConfigError, loadConfig } from './config';
import { findDockerfiles } from './findDockerfiles';
import { formatJson } from './formatJson';
import { formatSarif } from './formatSarif';
import { formatText } from './formatText';
import type { FileReport, ReportDiagnostic } from './report';
import { packageRoot } from '../util/packageRoot';

export const exitCodes = { clean: 0, errorsFound: 1, usage: 2 } as const;

interface Io {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly readStdin: () => string;
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  readonly isTty: boolean;
}

class UsageError extends Error {}

function version(): string {
  try {
    return (JSON.parse(fs.readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

function usage(): string {
  return [
    l10n.t('Usage: dockerfile-advisor check [options] [FILE|DIR|-]...'),
    '',
    l10n.t('Checks Dockerfiles for errors and for what BuildKit, hadolint and a careful reviewer would point out.'),
    l10n.t('A folder is searched for Dockerfiles; - reads standard input; without paths, the current folder.'),
    '',
    l10n.t('Options:'),
    `  --format text|json|sarif  ${l10n.t('output format (default: text)')}`,
    `  --locale en|es            ${l10n.t('language of the messages (default: from LANG)')}`,
    `  --fix                     ${l10n.t('apply every safe fix and rewrite the files')}`,
    `  --fix-dry-run             ${l10n.t('print the fixes as a unified diff without writing')}`,
    `  --no-color                ${l10n.t('never colour the text output')}`,
    `  -h, --help                ${l10n.t('show this help')}`,
    `  -v, --version             ${l10n.t('show the version')}`,
    '',
    l10n.t('Exit status: 0 when nothing of error severity was found, 1 when something was, 2 for a usage error or an unreadable file.'),
    '',
  ].join('\n');
}

/** Runs the CLI and returns its exit status; all output goes through `io`. */
export function runCli(argv: readonly string[], io: Io): number {
  setLanguage(resolveLanguage(io.env.LC_ALL || io.env.LC_MESSAGES || io.env.LANG));
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', default: 'text' },
        locale: { type: 'string' },
        fix: { type: 'boolean', default: false },
        'fix-dry-run': { type: 'boolean', default: false },
        'no-color': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (error) {
    io.stderr(`dockerfile-advisor: ${(error as Error).message}\n\n${usage()}`);
    return exitCodes.usage;
  }
  const { values, positionals } = parsed;
  if (values.locale !== undefined) {
    if (values.locale.toLowerCase().split(/[-_]/)[0] !== 'en' && values.locale.toLowerCase().split(/[-_]/)[0] !== 'es') {
      io.stderr(`dockerfile-advisor: ${l10n.t('Unknown locale "{0}"; use en or es.', values.locale)}\n`);
      return exitCodes.usage;
    }
    setLanguage(resolveLanguage(values.locale));
  }
  if (values.help) {
    io.stdout(usage());
    return exitCodes.clean;
  }
  if (values.version) {
    io.stdout(`${version()}\n`);
    return exitCodes.clean;
  }
  const [command, ...paths] = positionals;
  try {
    if (command !== 'check') {
      throw new UsageError(
        command === undefined ? l10n.t('Missing command; the command is "check".') : l10n.t('Unknown command "{0}"; the command is "check".', command),
      );
    }
    const format = values.format;
    if (format !== 'text' && format !== 'json' && format !== 'sarif') {
      throw new UsageError(l10n.t('Unknown format "{0}"; use text, json or sarif.', String(format)));
    }
    if (values.fix && values['fix-dry-run']) {
      throw new UsageError(l10n.t('Use either --fix or --fix-dry-run, not both.'));
    }
    return check(paths.length > 0 ? paths : ['.'], format, { fix: values.fix === true, dryRun: values['fix-dry-run'] === true, colour: io.isTty && !values['no-color'] && !io.env.NO_COLOR }, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`dockerfile-advisor: ${error.message}\n\n${usage()}`);
      return exitCodes.usage;
    }
    throw error;
  }
}

interface Input {
  readonly path: string;
  readonly text: string;
}

function check(paths: readonly string[], format: 'text' | 'json' | 'sarif', mode: { fix: boolean; dryRun: boolean; colour: boolean }, io: Io): number {
  const inputs: Input[] = [];
  let unreadable = false;
  for (const given of paths) {
    if (given === '-') {
      inputs.push({ path: '-', text: io.readStdin() });
      continue;
    }
    const full = path.resolve(io.cwd, given);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(full);
    } catch {
      io.stderr(`dockerfile-advisor: ${l10n.t('Cannot read {0}: no such file or folder.', given)}\n`);
      unreadable = true;
      continue;
    }
    const files = stat.isDirectory() ? findDockerfiles(full) : [full];
    if (stat.isDirectory() && files.length === 0) {
      io.stderr(`dockerfile-advisor: ${l10n.t('No Dockerfile found in {0}.', given)}\n`);
    }
    for (const file of files) {
      try {
        inputs.push({ path: displayPath(file, io.cwd), text: fs.readFileSync(file, 'utf8') });
      } catch (error) {
        io.stderr(`dockerfile-advisor: ${l10n.t('Cannot read {0}: {1}', displayPath(file, io.cwd), (error as NodeJS.ErrnoException).code ?? String(error))}\n`);
        unreadable = true;
      }
    }
  }

  const service = createAdvisorService();
  const reports: FileReport[] = [];
  let diffs = '';
  for (const input of inputs) {
    const absolute = input.path === '-' ? path.join(io.cwd, 'Dockerfile') : path.resolve(io.cwd, input.path);
    let config;
    try {
      config = loadConfig(path.dirname(absolute));
    } catch (error) {
      if (error instanceof ConfigError) {
        io.stderr(`dockerfile-advisor: ${l10n.t('Cannot read the configuration file {0}', error.message)}\n`);
        return exitCodes.usage;
      }
      throw error;
    }
    const options: ValidationOptions = {
      ruleSeverities: config.settings.rules,
      buildContext: input.path === '-' ? {} : readBuildContext(absolute, config.settings.buildContext),
    };
    let text = input.text;
    if (mode.fix || mode.dryRun) {
      text = applyFixes(service, input.path, text, options);
      if (text !== input.text) {
        if (mode.dryRun || input.path === '-') {
          diffs += createTwoFilesPatch(`a/${input.path}`, `b/${input.path}`, input.text, text);
        } else {
          fs.writeFileSync(absolute, text);
        }
      }
    }
    const doc = service.analyse(input.path, 1, text);
    const diagnostics: ReportDiagnostic[] = doc.findings(options).map((finding) => ({
      rule: finding.rule?.id ?? String(finding.diagnostic.code ?? 'syntax'),
      aliases: finding.rule?.aliases ?? [],
      severity: finding.severity,
      message: typeof finding.diagnostic.message === 'string' ? finding.diagnostic.message : finding.diagnostic.message.value,
      range: finding.diagnostic.range,
      docs: finding.diagnostic.codeDescription?.href ?? null,
      fixes: finding.fixes().map((fix) => ({ title: fix.title, edits: fix.edits })),
      source: finding.diagnostic.source ?? 'dockerfile-advisor',
    }));
    diagnostics.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    reports.push({ path: input.path, diagnostics });
  }

  if (mode.dryRun) {
    io.stdout(diffs);
  }
  if (!mode.dryRun || format !== 'text') {
    if (format === 'json') {
      io.stdout(formatJson(reports));
    } else if (format === 'sarif') {
      io.stdout(formatSarif(reports, version(), io.cwd));
    } else {
      io.stdout(formatText(reports, mode.colour));
    }
  }
  if (unreadable) {
    return exitCodes.usage;
  }
  return reports.some((r) => r.diagnostics.some((d) => d.severity === 'error')) ? exitCodes.errorsFound : exitCodes.clean;
}

/** Applies every preferred fix, again on the result, until nothing changes (a few rounds at most). */
function applyFixes(service: ReturnType<typeof createAdvisorService>, uri: string, text: string, options: ValidationOptions): string {
  let current = text;
  for (let round = 0; round < 5; round++) {
    const doc = service.analyse(`${uri}#fix`, round, current);
    const edits = fixAllEdits(doc.findings(options));
    if (edits.length === 0) {
      break;
    }
    const next = TextDocument.applyEdits(TextDocument.create(uri, 'dockerfile', round, current), edits);
    if (next === current) {
      break;
    }
    current = next;
  }
  service.forget(`${uri}#fix`);
  return current;
}

function readBuildContext(dockerfile: string, contextSetting: string): { dockerignore?: string } {
  const context = path.resolve(path.dirname(dockerfile), contextSetting);
  for (const candidate of [`${dockerfile}.dockerignore`, path.join(context, '.dockerignore')]) {
    try {
      return { dockerignore: fs.readFileSync(candidate, 'utf8') };
    } catch {
      // Try the next place BuildKit looks.
    }
  }
  return {};
}

function displayPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}

/** Entry point of the `dockerfile-advisor` executable. */
export function main(): void {
  const status = runCli(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readStdin: () => fs.readFileSync(0, 'utf8'),
    cwd: process.cwd(),
    env: process.env,
    isTty: process.stdout.isTTY === true,
  });
  process.exitCode = status;
}

if (require.main === module) {
  main();
}
