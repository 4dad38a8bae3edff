import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ArgumentList } from '../../../client/src/process/args';
import { abortSignalFromToken } from '../../../client/src/process/cancellation';
import { formatCommandLine, runProcess, type ProcessResult } from '../../../client/src/process/runProcess';

const node = process.execPath;
const echoArgs = 'process.stdout.write(JSON.stringify(process.argv.slice(1)))';
/** Starts a grandchild in the same group, prints its pid, then waits forever. */
const parentOfSleeper = `
const { spawn } = require('node:child_process');
const grandchild = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
process.stdout.write(String(grandchild.pid) + '\\n');
setInterval(() => {}, 1000);
`;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  // A killed orphan stays a zombie until its new parent reaps it, and some containers never do.
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
}

async function waitUntilDead(pid: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) {
      return true;
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  return !isAlive(pid);
}

function expectKind<K extends ProcessResult['kind']>(result: ProcessResult, kind: K): Extract<ProcessResult, { kind: K }> {
  assert.equal(result.kind, kind, `expected ${kind}, got ${JSON.stringify(result)}`);
  return result as Extract<ProcessResult, { kind: K }>;
}

describe('runProcess (real processes)', function () {
  this.timeout(20000);

  it('returns stdout and stderr of a process that exits 0', async () => {
    const result = expectKind(await runProcess(node, ['-e', 'console.log("out"); console.error("err")'], { timeoutMs: 5000 }), 'ok');
    assert.equal(result.stdout, 'out\n');
    assert.equal(result.stderr, 'err\n');
    assert.equal(result.stdoutTruncated, false);
  });

  it('reports a non-zero exit with its code and the tail of stderr', async () => {
    const script = 'for (let i = 1; i <= 30; i++) console.error("line " + i); process.exit(3)';
    const result = expectKind(await runProcess(node, ['-e', script], { timeoutMs: 5000 }), 'exitedNonZero');
    assert.equal(result.exitCode, 3);
    const tail = result.stderrTail.split('\n');
    assert.equal(tail.length, 20);
    assert.equal(tail[0], 'line 11');
    assert.equal(tail[19], 'line 30');
  });

  it('names the missing tool when the executable does not exist (ENOENT)', async () => {
    const result = expectKind(await runProcess('dfa-no-such-tool-4711', ['--version'], { timeoutMs: 5000 }), 'notFound');
    assert.equal(result.tool, 'dfa-no-such-tool-4711');
    const named = expectKind(await runProcess('/nowhere/bin/trivy', ['version'], { timeoutMs: 5000, tool: 'Trivy' }), 'notFound');
    assert.equal(named.tool, 'Trivy');
    assert.equal(named.file, '/nowhere/bin/trivy');
  });

  it('kills the process and its children when the timeout passes', async () => {
    const started = Date.now();
    let grandchildPid = 0;
    // Long enough for node to start twice on a loaded machine before the timeout fires.
    const timeoutMs = 4000;
    const result = await runProcess(node, ['-e', parentOfSleeper], {
      timeoutMs,
      onOutput: (stream, text) => {
        if (stream === 'stdout') {
          grandchildPid = Number.parseInt(text, 10);
        }
      },
    });
    const timedOut = expectKind(result, 'timedOut');
    assert.equal(timedOut.timeoutMs, timeoutMs);
    assert.ok(Date.now() - started < timeoutMs + 4000, 'the runner returned long after the timeout');
    assert.ok(grandchildPid > 0, 'the grandchild printed its pid');
    assert.ok(await waitUntilDead(grandchildPid, 3000), `grandchild ${grandchildPid} survived the timeout`);
  });

  it('kills the process and its children when cancelled through an AbortSignal', async () => {
    const controller = new AbortController();
    let grandchildPid = 0;
    const running = runProcess(node, ['-e', parentOfSleeper], {
      timeoutMs: 60000,
      signal: controller.signal,
      onOutput: (stream, text) => {
        if (stream === 'stdout') {
          grandchildPid = Number.parseInt(text, 10);
          controller.abort();
        }
      },
    });
    const started = Date.now();
    expectKind(await running, 'cancelled');
    assert.ok(Date.now() - started < 5000);
    assert.ok(await waitUntilDead(grandchildPid, 3000), `grandchild ${grandchildPid} survived the cancel`);
  });

  it('does not start anything when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const result = await runProcess(node, ['-e', 'require("fs").writeFileSync("/dev/null", "x")'], { timeoutMs: 5000, signal: controller.signal });
    assert.equal(result.kind, 'cancelled');
  });

  it('keeps only the first bytes of a large stdout and says it was truncated', async () => {
    const result = expectKind(
      await runProcess(node, ['-e', 'process.stdout.write("x".repeat(100000))'], { timeoutMs: 5000, maxStdoutBytes: 1000 }),
      'ok',
    );
    assert.equal(result.stdout.length, 1000);
    assert.equal(result.stdoutTruncated, true);
  });

  it('keeps the end of a large stderr, where the final error is', async () => {
    const script = 'process.stderr.write("a".repeat(50000) + "FINAL ERROR"); process.exit(1)';
    const result = expectKind(await runProcess(node, ['-e', script], { timeoutMs: 5000, maxStderrBytes: 100 }), 'exitedNonZero');
    assert.equal(result.stderr.length, 100);
    assert.ok(result.stderr.endsWith('FINAL ERROR'));
  });

  const hostile = [
    'app image:1.0',
    `it's "quoted"`,
    'a; rm -rf /tmp/dfa-should-not-exist',
    'a | cat /etc/passwd',
    '$(touch /tmp/dfa-injected)',
    '`touch /tmp/dfa-injected`',
    'line1\nline2',
    '-rf',
    '--output=/etc/passwd',
    '--',
    '',
    '*',
    '~',
    '$HOME',
  ];

  it('passes spaces, quotes, ; | $( ) backticks, newlines and leading - as one literal argument each', async () => {
    const args = new ArgumentList().literal('-e', echoArgs).endOfOptions();
    for (const value of hostile) {
      args.operand(value);
    }
    const result = expectKind(await runProcess(node, args.toArray(), { timeoutMs: 5000 }), 'ok');
    assert.deepEqual(JSON.parse(result.stdout), hostile);
  });

  it('keeps a hostile value inside --flag=value as one argument', async () => {
    const args = new ArgumentList().literal('-e', echoArgs).endOfOptions().toArray();
    const values = new ArgumentList();
    for (const value of hostile) {
      values.option('--tag', value);
    }
    const result = expectKind(await runProcess(node, [...args, ...values.toArray()], { timeoutMs: 5000 }), 'ok');
    assert.deepEqual(JSON.parse(result.stdout), hostile.map((value) => `--tag=${value}`));
  });
});

describe('ArgumentList', () => {
  it('refuses an operand that starts with - before "--"', () => {
    assert.throws(() => new ArgumentList().literal('image').operand('--help'), /starts with "-"/);
    assert.throws(() => new ArgumentList().operand('-'), /starts with "-"/);
  });

  it('accepts the same operand after "--" and writes "--" once', () => {
    const args = new ArgumentList().literal('image').endOfOptions().endOfOptions().operand('--help').toArray();
    assert.deepEqual(args, ['image', '--', '--help']);
  });

  it('refuses options after "--", where they would be operands', () => {
    assert.throws(() => new ArgumentList().endOfOptions().option('--format', 'json'), /after "--"/);
    assert.throws(() => new ArgumentList().endOfOptions().literal('--quiet'), /after "--"/);
  });

  it('refuses a flag that is not a long option name', () => {
    assert.throws(() => new ArgumentList().option('-o', 'x'), /not a long option/);
    assert.throws(() => new ArgumentList().option('--a b', 'x'), /not a long option/);
  });

  it('refuses NUL characters, which cannot be passed to a process', () => {
    assert.throws(() => new ArgumentList().endOfOptions().operand('a\0b'), /NUL/);
  });
});

describe('formatCommandLine', () => {
  it('quotes words a shell would split or expand, for the log', () => {
    assert.equal(formatCommandLine('trivy', ['image', '--format=json', '--', "it's a $(x)"]), `trivy image --format=json -- 'it'\\''s a $(x)'`);
    assert.equal(formatCommandLine('/usr/bin/docker', ['images', '']), `/usr/bin/docker images ''`);
  });
});

describe('abortSignalFromToken', () => {
  it('aborts the signal when the token is cancelled, and stops listening on dispose', () => {
    const listeners: Array<() => void> = [];
    let disposed = 0;
    const token = {
      isCancellationRequested: false,
      onCancellationRequested: (listener: () => void) => {
        listeners.push(listener);
        return { dispose: () => disposed++ };
      },
    };
    const adapter = abortSignalFromToken(token as never);
    assert.equal(adapter.signal.aborted, false);
    listeners.forEach((listener) => listener());
    assert.equal(adapter.signal.aborted, true);
    adapter.dispose();
    assert.equal(disposed, 1);
  });

  it('gives an aborted signal for a token that is already cancelled', () => {
    const token = { isCancellationRequested: true, onCancellationRequested: () => ({ dispose: () => undefined }) };
    assert.equal(abortSignalFromToken(token as never).signal.aborted, true);
  });
});
