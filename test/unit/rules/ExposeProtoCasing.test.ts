import { strict as assert } from 'assert';
import { ExposeProtoCasing } from '../../../server/src/rules/buildkit/ExposeProtoCasing';
import { applyFix, linesOf, runRule } from '../helpers/analyse';

describe('ExposeProtoCasing', () => {
  it('reports an upper-case protocol and lowercases it', () => {
    const text = 'FROM alpine\nEXPOSE 80/TcP 53/udp\n';
    const [finding] = runRule(text, ExposeProtoCasing).findings;
    assert.equal(finding.diagnostic.message, "Defined protocol '80/TcP' in EXPOSE instruction should be lowercase");
    assert.equal(applyFix(text, finding.fixes()[0]), 'FROM alpine\nEXPOSE 80/tcp 53/udp\n');
  });

  it('accepts lowercase protocols and bare ports', () => {
    assert.deepEqual(linesOf('FROM alpine\nEXPOSE 80/tcp 443 53/udp\n', ExposeProtoCasing), []);
  });
});
