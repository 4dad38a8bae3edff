import { strict as assert } from 'assert';
import { DiagnosticSeverity, DiagnosticTag } from 'vscode-languageserver-types';
import { MaintainerDeprecated } from '../../../server/src/rules/buildkit/MaintainerDeprecated';
import { applyFix, linesOf, runRule } from '../helpers/analyse';

function fixed(text: string): string {
  return applyFix(text, runRule(text, MaintainerDeprecated).findings[0].fixes()[0]);
}

describe('MaintainerDeprecated', () => {
  it('reports MAINTAINER as deprecated, even in a fragment', () => {
    const [finding] = runRule('MAINTAINER moby@example.com\n', MaintainerDeprecated).findings;
    assert.equal(finding.diagnostic.message, 'Maintainer instruction is deprecated in favor of using label');
    assert.deepEqual(finding.diagnostic.tags, [DiagnosticTag.Deprecated]);
  });

  it('accepts the authors label', () => {
    assert.deepEqual(linesOf('FROM scratch\nLABEL org.opencontainers.image.authors="moby@example.com"\n', MaintainerDeprecated), []);
  });

  it('converts to the OCI authors label, quoting once', () => {
    assert.equal(fixed('FROM scratch\nMAINTAINER hello world\n'), 'FROM scratch\nLABEL org.opencontainers.image.authors="hello world"\n');
    assert.equal(fixed('FROM scratch\nMAINTAINER "hello world"\n'), 'FROM scratch\nLABEL org.opencontainers.image.authors="hello world"\n');
    assert.equal(fixed('FROM scratch\nMAINTAINER "hello world\n'), 'FROM scratch\nLABEL org.opencontainers.image.authors="hello world"\n');
    assert.equal(fixed('from scratch\nmaintainer Ann $HOME\n'), 'from scratch\nlabel org.opencontainers.image.authors="Ann \\$HOME"\n');
  });

  it('becomes an error under # check=error=true', () => {
    const [finding] = runRule('# check=error=true\nFROM scratch\nMAINTAINER x\n', MaintainerDeprecated).findings;
    assert.equal(finding.diagnostic.severity, DiagnosticSeverity.Error);
  });
});
