import { strict as assert } from 'assert';
import { ExposeInvalidFormat } from '../../../server/src/rules/buildkit/ExposeInvalidFormat';
import { linesOf, runRule } from '../helpers/analyse';

describe('ExposeInvalidFormat', () => {
  it('reports IP addresses and host ports', () => {
    const findings = runRule('FROM alpine\nEXPOSE 127.0.0.1:80:80 8080:80/tcp\n', ExposeInvalidFormat).findings;
    assert.deepEqual(findings.map((f) => f.diagnostic.message), [
      "EXPOSE instruction should not define an IP address or host-port mapping, found '127.0.0.1:80:80'",
      "EXPOSE instruction should not define an IP address or host-port mapping, found '8080:80/tcp'",
    ]);
  });

  it('accepts container ports and ranges', () => {
    assert.deepEqual(linesOf('FROM alpine\nEXPOSE 80 8000-8010/udp\n', ExposeInvalidFormat), []);
  });
});
