import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const root = path.resolve(__dirname, '..', '..');
const bin = path.join(root, 'bin', 'dockerfile-advisor.js');
const shellForm = 'FROM scratch\nCMD echo hi\n';
const clean = 'FROM scratch\nCMD ["echo", "hi"]\n';

function cli(args: string[], options: { input?: string; cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: options.cwd ?? root,
    input: options.input,
    encoding: 'utf8',
    env: { ...process.env, LANG: 'C', LC_ALL: '', LC_MESSAGES: '', NO_COLOR: '', ...options.env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function tempProject(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dfa-cli-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

describe('dockerfile-advisor check', () => {
  before(() => assert.ok(fs.existsSync(path.join(root, 'dist', 'cli.js')), 'run `npm run build` first'));

  it('prints compiler-style lines and exits 0 when only warnings are found', () => {
    const dir = tempProject({ Dockerfile: shellForm });
    const { status, stdout } = cli(['check', 'Dockerfile'], { cwd: dir });
    assert.equal(status, 0);
    assert.match(stdout, /^Dockerfile:2:1: warning JSONArgsRecommended: JSON arguments recommended for CMD/m);
  });

  it('exits 1 when a finding has error severity (configured in .dockerfile-advisor.json)', () => {
    const dir = tempProject({ 'app/Dockerfile': shellForm, '.dockerfile-advisor.json': JSON.stringify({ rules: { JSONArgsRecommended: 'error' } }) });
    const { status, stdout } = cli(['check', 'app/Dockerfile'], { cwd: dir });
    assert.equal(status, 1);
    assert.match(stdout, /app\/Dockerfile:2:1: error JSONArgsRecommended/);
  });

  it('can switch a rule off by its hadolint alias', () => {
    const dir = tempProject({ Dockerfile: shellForm, '.dockerfile-advisor.json': JSON.stringify({ rules: { DL3025: 'off' } }) });
    const { stdout } = cli(['check', 'Dockerfile'], { cwd: dir });
    assert.doesNotMatch(stdout, /JSONArgsRecommended/);
  });

  it('writes the stable JSON format with 0-based ranges, docs and fixes', () => {
    const { status, stdout } = cli(['check', '--format', 'json', '-'], { input: shellForm });
    assert.equal(status, 0);
    const report = JSON.parse(stdout);
    assert.equal(report.version, 1);
    assert.equal(report.files[0].path, '-');
    const finding = report.files[0].diagnostics.find((d: { rule: string }) => d.rule === 'JSONArgsRecommended');
    assert.deepEqual(finding.aliases, ['DL3025']);
    assert.equal(finding.severity, 'warning');
    assert.deepEqual(finding.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 11 } });
    assert.match(finding.docs, /JSONArgsRecommended\.md$/);
    assert.equal(finding.fixes[0].edits[0].newText, '["echo", "hi"]');
  });

  it('writes SARIF 2.1.0 with rules and 1-based regions', () => {
    const dir = tempProject({ Dockerfile: shellForm });
    const { stdout } = cli(['check', '--format', 'sarif', '.'], { cwd: dir });
    const log = JSON.parse(stdout);
    assert.equal(log.version, '2.1.0');
    const run = log.runs[0];
    assert.ok(run.tool.driver.rules.some((r: { id: string }) => r.id === 'JSONArgsRecommended'));
    const result = run.results.find((r: { ruleId: string }) => r.ruleId === 'JSONArgsRecommended');
    assert.equal(result.level, 'warning');
    assert.equal(result.locations[0].physicalLocation.artifactLocation.uri, 'Dockerfile');
    assert.equal(result.locations[0].physicalLocation.region.startLine, 2);
  });

  it('searches a folder for every kind of Dockerfile name and skips node_modules', () => {
    const dir = tempProject({
      Dockerfile: clean,
      'api/api.Dockerfile': shellForm,
      'web/Dockerfile.prod': shellForm,
      'svc/Containerfile': shellForm,
      'node_modules/x/Dockerfile': shellForm,
      'README.md': 'not a Dockerfile',
    });
    const { stdout } = cli(['check', '.'], { cwd: dir });
    const files = [...new Set(stdout.trim().split('\n').map((line) => line.split(':')[0]))].sort();
    assert.deepEqual(files, ['api/api.Dockerfile', 'svc/Containerfile', 'web/Dockerfile.prod']);
  });

  it('prints messages in Spanish with --locale es and from LANG', () => {
    const flag = cli(['check', '--locale', 'es', '-'], { input: shellForm });
    assert.match(flag.stdout, /Se recomiendan argumentos JSON en CMD/);
    const env = cli(['check', '-'], { input: shellForm, env: { LANG: 'es_MX.UTF-8' } });
    assert.match(env.stdout, /Se recomiendan argumentos JSON en CMD/);
  });

  it('exits 2 with a message naming the file that cannot be read, and still checks the others', () => {
    const dir = tempProject({ Dockerfile: shellForm });
    fs.symlinkSync(path.join(dir, 'gone'), path.join(dir, 'broken.Dockerfile'));
    const { status, stderr, stdout } = cli(['check', 'Dockerfile', 'missing/Dockerfile'], { cwd: dir });
    assert.equal(status, 2);
    assert.match(stderr, /Cannot read missing\/Dockerfile/);
    assert.match(stdout, /JSONArgsRecommended/);
  });

  it('exits 2 on usage errors with the usage text', () => {
    for (const args of [['lint'], ['check', '--format', 'xml'], ['check', '--bogus'], ['check', '--locale', 'fr'], []]) {
      const { status, stderr } = cli(args);
      assert.equal(status, 2, `exit status for ${args.join(' ')}`);
      assert.match(stderr, /dockerfile-advisor/);
    }
  });

  it('--fix-dry-run prints a unified diff and writes nothing; --fix rewrites the file', () => {
    const dir = tempProject({ Dockerfile: shellForm });
    const dry = cli(['check', '--fix-dry-run', 'Dockerfile'], { cwd: dir });
    assert.match(dry.stdout, /^--- a\/Dockerfile/m);
    assert.match(dry.stdout, /^\+CMD \["echo", "hi"\]$/m);
    assert.equal(fs.readFileSync(path.join(dir, 'Dockerfile'), 'utf8'), shellForm);
    const fix = cli(['check', '--fix', 'Dockerfile'], { cwd: dir });
    assert.equal(fix.status, 0);
    assert.equal(fs.readFileSync(path.join(dir, 'Dockerfile'), 'utf8'), clean);
    assert.doesNotMatch(fix.stdout, /JSONArgsRecommended/);
  });

  it('colours the text output only on a terminal and never with NO_COLOR', () => {
    const { stdout } = cli(['check', '-'], { input: shellForm });
    assert.doesNotMatch(stdout, /\x1b\[/);
  });

  it('checks the bundled example (npm start)', () => {
    const { status, stdout } = cli(['check', 'examples/python-venv/Dockerfile']);
    assert.ok(status === 0 || status === 1);
    assert.match(stdout, /examples\/python-venv\/Dockerfile:\d+:\d+: /);
  });
});

describe('corpus through the CLI (extra check, needs ../shared)', function () {
  const corpus = path.resolve(root, '..', 'shared', 'corpus', 'dockerfiles');
  this.timeout(120000);

  it('every corpus Dockerfile is analysed without a crash or a syntax error', function () {
    if (!fs.existsSync(corpus)) {
      this.skip();
    }
    const files = fs.readdirSync(corpus).map((f) => path.join(corpus, f));
    const { status, stdout, stderr } = cli(['check', '--format', 'json', ...files]);
    assert.notEqual(status, 2, stderr);
    const report = JSON.parse(stdout);
    assert.equal(report.files.length, files.length);
    const syntaxErrors = report.files.flatMap((f: { path: string; diagnostics: { rule: string; severity: string; message: string }[] }) =>
      f.diagnostics.filter((d) => d.severity === 'error' && !/^[A-Z][a-z]/.test(d.rule)).map((d) => `${f.path}: ${d.rule} ${d.message}`),
    );
    assert.deepEqual(syntaxErrors, []);
  });
});
