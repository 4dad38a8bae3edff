import { strict as assert } from 'assert';
import { DiagnosticTag } from 'vscode-languageserver-types';
import { MultipleInstructionsDisallowed } from '../../../server/src/rules/buildkit/MultipleInstructionsDisallowed';
import { linesOf, runRule } from '../helpers/analyse';

describe('MultipleInstructionsDisallowed', () => {
  it('reports each CMD, ENTRYPOINT or HEALTHCHECK that a later one replaces', () => {
    const text = 'FROM alpine\nENTRYPOINT ["echo", "a"]\nENTRYPOINT ["echo", "b"]\nCMD a\nCMD b\nCMD c\n';
    const findings = runRule(text, MultipleInstructionsDisallowed).findings;
    assert.deepEqual(findings.map((f) => f.diagnostic.range.start.line + 1), [2, 4, 5]);
    assert.equal(findings[0].diagnostic.message, 'Multiple ENTRYPOINT instructions should not be used in the same stage because only the last one will be used');
    assert.deepEqual(findings[0].diagnostic.tags, [DiagnosticTag.Unnecessary]);
  });

  it('accepts one of each per stage, and CMD inside HEALTHCHECK', () => {
    assert.deepEqual(linesOf('FROM debian AS a\nCMD bash\nFROM debian AS b\nCMD another\n', MultipleInstructionsDisallowed), []);
    assert.deepEqual(linesOf('FROM python\nHEALTHCHECK --interval=1s CMD ["curl", "-f", "http://localhost"]\nCMD ["python"]\n', MultipleInstructionsDisallowed), []);
  });

  it('checks fragments without FROM too', () => {
    assert.deepEqual(linesOf('CMD a\nCMD b\n', MultipleInstructionsDisallowed), [1]);
  });
});
