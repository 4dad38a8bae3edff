// What the rules read from a parsed RUN script (model/shell.ts on unbash): commands in source order,
// words with quotes removed, declarations, pipelines, offsets in UTF-16 units, and errors.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parseDockerfile } from '../../../server/src/model/parseDockerfile';
import { maxScriptLength, parseScriptText, type ParsedScript } from '../../../server/src/model/shell';
import { AptGetMissingYes } from '../../../server/src/rules/shell/AptGetMissingYes';
import { PipeWithoutPipefail } from '../../../server/src/rules/shell/PipeWithoutPipefail';
import { onContainedFailure, type ContainedFailure } from '../../../server/src/util/contain';
import { fixed } from '../rules/shellRuleHelpers';
import { runRule } from '../helpers/analyse';
import { syntheticDockerfile } from '../../bench/synthetic';
import { corpusFiles, readCorpus } from '../fixes/corpus';

const examples = path.join(__dirname, '../../../examples');

/** Name, whether in a pipeline, and span of every command. */
const commandsOf = (parsed: ParsedScript): [string, boolean, number, number][] =>
  parsed.commands.map((command, i) => [command.name, command.inPipeline, parsed.commandSpans[i].start, parsed.commandSpans[i].end]);

const wordsOf = (parsed: ParsedScript, index = 0): [string, boolean][] => parsed.commandSpans[index].words.map((w) => [w.value, w.literal]);

/** The text of every shell script of every RUN in the corpus, the examples and a synthetic file. */
function allScripts(): string[] {
  const texts = corpusFiles().map(readCorpus);
  for (const dir of fs.readdirSync(examples)) {
    const file = path.join(examples, dir, 'Dockerfile');
    if (fs.existsSync(file)) {
      texts.push(fs.readFileSync(file, 'utf8'));
    }
  }
  texts.push(syntheticDockerfile(400, 7, 5).text);
  const found = new Set<string>();
  for (const text of texts) {
    for (const instruction of parseDockerfile(text).instructions) {
      for (const script of instruction.shellScripts) {
        found.add(script.text);
      }
    }
  }
  return [...found];
}

describe('shell parse of RUN scripts', () => {
  it('lists the commands in source order: lists, pipelines, subshells, functions, if/case/for/while, substitutions and heredoc bodies', () => {
    const parsed = parseScriptText('f() { cd /x; }; (cd /y && make) |& tee log; if a; then b; else c; fi');
    assert.deepStrictEqual(commandsOf(parsed), [
      ['cd', false, 6, 11],
      ['cd', true, 17, 22],
      ['make', true, 26, 30],
      ['tee', true, 35, 42],
      ['a', false, 47, 48],
      ['b', false, 55, 56],
      ['c', false, 63, 64],
    ]);
    assert.strictEqual(parsed.hasPipeline, true);
    const nested = parseScriptText('case $x in a) b;; esac; for i in $(seq 3); do echo $i; done\ncat <<EOF > /x\nval $(hostname)\nEOF\n[[ -f $(which x) ]]');
    assert.deepStrictEqual(nested.commands.map((c) => c.name), ['b', 'seq', 'echo', 'cat', 'hostname', 'which']);
    assert.strictEqual(nested.hasPipeline, false);
  });

  it('takes `time` and `!` for what they are, not pipelines', () => {
    const parsed = parseScriptText('time -p ls; ! true');
    assert.deepStrictEqual(commandsOf(parsed), [['ls', false, 8, 10], ['true', false, 14, 18]]);
    assert.strictEqual(parsed.hasPipeline, false);
  });

  it('removes quotes and escapes from word values, keeps expansions as written, and tells literal words apart', () => {
    const parsed = parseScriptText('echo "\\$HOME" \'$x\' "a b" a\\ b *.txt {a,b} $i "${X:-y}" @(a|b) $(date)');
    assert.deepStrictEqual(wordsOf(parsed), [
      ['echo', true],
      ['$HOME', true],
      ['$x', true],
      ['a b', true],
      ['a b', true],
      ['*.txt', true],
      ['{a,b}', true],
      ['$i', false],
      ['${X:-y}', false],
      ['@(a|b)', false],
      ['$(date)', false],
    ]);
    assert.deepStrictEqual(parsed.commandSpans[0].words.map((w) => w.raw).slice(1, 3), ['"\\$HOME"', "'$x'"]);
  });

  it('reads declarations as one word with the variables as assignments, and `alias` as a plain command', () => {
    const parsed = parseScriptText("export A=1 B -x; readonly D=$(date); alias ll='ls -l'");
    assert.deepStrictEqual(parsed.commands.map((c) => c.name), ['export', 'readonly', 'date', 'alias']);
    assert.deepStrictEqual(wordsOf(parsed, 0), [['export', true]]);
    assert.deepStrictEqual(parsed.commandSpans[0].assignments.map((a) => [a.name, a.value, a.start, a.end]), [['A', '1', 7, 10], ['B', undefined, 11, 12]]);
    assert.deepStrictEqual(parsed.commandSpans[1].assignments.map((a) => [a.name, a.value]), [['D', '$(date)']]);
    assert.deepStrictEqual(wordsOf(parsed, 3), [['alias', true], ['ll=ls -l', true]]);
  });

  it('keeps the assignments before a command with it, and leaves redirections out of its span', () => {
    const parsed = parseScriptText('x=1 y="$(echo ñ)" env | grep -q x > /dev/null 2>&1');
    assert.deepStrictEqual(commandsOf(parsed), [['env', true, 0, 21], ['echo', true, 9, 15], ['grep', true, 24, 33]]);
    assert.deepStrictEqual(parsed.commandSpans[0].assignments.map((a) => [a.name, a.value]), [['x', '1'], ['y', '$(echo ñ)']]);
  });

  it('counts offsets in UTF-16 units, as the document does: non-ASCII, emoji and lone surrogates', () => {
    const parsed = parseScriptText('echo "héllo" 😀 ñ "a\ud800b" \udc00');
    assert.deepStrictEqual(
      parsed.commandSpans[0].words.map((w) => [w.value, w.start, w.end]),
      [['echo', 0, 4], ['héllo', 5, 12], ['😀', 13, 15], ['ñ', 16, 17], ['a\ud800b', 18, 23], ['\udc00', 24, 25]],
    );
  });

  it('reports invalid shell with line and column, nested substitutions included, and no commands', () => {
    const unterminated = parseScriptText('echo "unterminated');
    assert.strictEqual(unterminated.parseError, '1:6: unterminated double quote');
    assert.deepStrictEqual(unterminated.commands, []);
    assert.match(parseScriptText('echo ok\necho $(if)').parseError ?? '', /^2:\d+: /);
    assert.match(parseScriptText('a && && b').parseError ?? '', /^1:5: .*&&/);
  });

  it('answers with an error, not a crash, for substitutions nested too deep and for scripts too long to parse', () => {
    const failures: ContainedFailure[] = [];
    onContainedFailure((failure) => failures.push(failure));
    try {
      assert.match(parseScriptText(`${'$('.repeat(2000)}x${')'.repeat(2000)}`).parseError ?? '', /nesting/);
      assert.match(parseScriptText('x'.repeat(maxScriptLength + 1)).parseError ?? '', /longer than/);
    } finally {
      onContainedFailure(undefined);
    }
    assert.deepStrictEqual(failures, []);
  });

  it('places the commands of a backquoted substitution with escapes where they are written, so fixes edit the right text', () => {
    const text = 'x=`echo \\$HOME; apt-get install curl` && echo "$x"';
    const parsed = parseScriptText(text);
    const aptGet = parsed.commands.findIndex((c) => c.name === 'apt-get');
    const span = parsed.commandSpans[aptGet];
    assert.strictEqual(text.slice(span.start, span.end), 'apt-get install curl');
    assert.deepStrictEqual(span.words.map((w) => text.slice(w.start, w.end)), ['apt-get', 'install', 'curl']);
    const echo = parsed.commandSpans[parsed.commands.findIndex((c) => c.name === 'echo')];
    assert.deepStrictEqual(echo.words.map((w) => [w.value, w.raw]), [['echo', 'echo'], ['$HOME', '\\$HOME']]);
    // Backquotes within backquotes: each level's escapes are undone in turn.
    const nested = parseScriptText('a=`b \\`c \\\\$d\\``');
    const c = nested.commandSpans[nested.commands.findIndex((command) => command.name === 'c')];
    assert.strictEqual('a=`b \\`c \\\\$d\\``'.slice(c.start, c.end), 'c \\\\$d');
    assert.strictEqual(
      fixed('FROM debian:12\nRUN X=`echo \\$HOME; apt-get install curl` && echo $X\n', AptGetMissingYes),
      'FROM debian:12\nRUN X=`echo \\$HOME; apt-get install -y curl` && echo $X\n',
    );
  });

  it('reads heredoc scripts of a CRLF file without the carriage returns, offsets still in the document', () => {
    const text = 'FROM debian:12\r\nRUN <<EOF\r\nset -o pipefail\r\ncurl -fsSL https://x | sh\r\nfor f in $(ls | sort); do\r\n  echo $f\r\ndone\r\nEOF\r\nRUN cat <<EOF > /x && curl -fsSL https://y | sh\r\nbody\r\nEOF\r\n';
    const [heredocRun, catRun] = parseDockerfile(text).instructions.filter((i) => i.keyword === 'RUN');
    const script = heredocRun.shellScripts[0];
    assert.strictEqual(script.parseError, undefined);
    assert.deepStrictEqual(script.commands.map((c) => c.name), ['set', 'curl', 'sh', 'ls', 'sort', 'echo']);
    assert.deepStrictEqual(script.commands[0].args.map((w) => w.value), ['-o', 'pipefail']);
    const sh = script.commands[2];
    assert.strictEqual(text.slice(sh.start, sh.end), 'sh');
    assert.strictEqual(catRun.shellScripts[0].parseError, undefined);
    assert.deepStrictEqual(catRun.shellScripts[0].commands.map((c) => c.name), ['cat', 'curl', 'sh']);
    // The pipe in the first RUN follows `set -o pipefail`; the second has none.
    assert.deepStrictEqual(runRule(text, PipeWithoutPipefail).findings.map((f) => f.diagnostic.range.start.line), [8]);
  });

  it('stops at the first error instead of parsing every substitution left open, and at substitutions nested too deep', () => {
    const failures: ContainedFailure[] = [];
    onContainedFailure((failure) => failures.push(failure));
    try {
      // Before, the walk went on after the error and each open `$(` was parsed to the end of the text: seconds at 64 KB.
      for (const opener of ['$(', '$((', '<(', 'echo $(']) {
        assert.match(parseScriptText(opener.repeat(Math.floor(60_000 / opener.length))).parseError ?? '', /^1:\d+: /, opener);
      }
      const deep = `echo ${'"$(echo '.repeat(100)}x${')"'.repeat(100)}`;
      assert.match(parseScriptText(deep).parseError ?? '', /nested more than 32 deep/);
      const fine = `echo ${'"$(echo '.repeat(20)}x${')"'.repeat(20)}`;
      assert.strictEqual(parseScriptText(fine).commands.length, 21);
    } finally {
      onContainedFailure(undefined);
    }
    assert.deepStrictEqual(failures, []);
  });

  it('parses every RUN of the corpus and the examples; the only invalid one is PowerShell', () => {
    const scripts = allScripts();
    assert.ok(scripts.length > 100, `only ${scripts.length} scripts found`);
    const invalid = scripts.filter((text) => parseScriptText(text).parseError !== undefined);
    assert.ok(invalid.every((text) => /\biex\b|choco /.test(text)), `invalid: ${invalid.map((t) => t.slice(0, 80)).join(' | ')}`);
    const commands = scripts.reduce((total, text) => total + parseScriptText(text).commands.length, 0);
    assert.ok(commands > scripts.length * 2, `${commands} commands in ${scripts.length} scripts`);
  });
});
