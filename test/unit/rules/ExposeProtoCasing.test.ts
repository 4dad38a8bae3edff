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

  it('lowercases only a port that is otherwise right: a known protocol, a port number or range', () => {
    // Found by the fuzzer: on `8x0/TCP` the lowercased protocol let dockerfile-utils report the port it had not checked.
    const fixesOf = (text: string): number[] => runRule(text, ExposeProtoCasing).findings.map((f) => f.fixes().length);
    assert.deepEqual(fixesOf('FROM alpine\nEXPOSE 8x0/TCP 80/TCXP 8000-8010/UDP 9000/SCTP\n'), [0, 0, 1, 1]);
    assert.deepEqual(fixesOf('FROM alpine\nEXPOSE 80/T"CP\n'), [0], 'a quote in the protocol as written');
  });
});

