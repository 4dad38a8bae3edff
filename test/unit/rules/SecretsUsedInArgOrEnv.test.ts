import { strict as assert } from 'assert';
import { SecretsUsedInArgOrEnv } from '../../../server/src/rules/buildkit/SecretsUsedInArgOrEnv';
import { linesOf, runRule, textOf } from '../helpers/analyse';

describe('SecretsUsedInArgOrEnv', () => {
  it('reports ARG and ENV names that look like secrets, on the name', () => {
    const text = 'FROM alpine\nARG AWS_SECRET_ACCESS_KEY\nENV api_key=x GITHUB_TOKEN=y\n';
    const findings = runRule(text, SecretsUsedInArgOrEnv).findings;
    assert.deepEqual(findings.map((f) => f.diagnostic.message), [
      'Do not use ARG or ENV instructions for sensitive data (ARG "AWS_SECRET_ACCESS_KEY")',
      'Do not use ARG or ENV instructions for sensitive data (ENV "api_key")',
      'Do not use ARG or ENV instructions for sensitive data (ENV "GITHUB_TOKEN")',
    ]);
    assert.equal(textOf(text, findings[0].diagnostic.range), 'AWS_SECRET_ACCESS_KEY');
  });

  it('accepts public, file and version names and words that only contain a secret word', () => {
    assert.deepEqual(linesOf('FROM alpine\nARG PUBLIC_KEY\nENV PASSWORD_FILE=/run/secrets/p GPG_KEY_VERSION=1 MONKEY=1 AUTHOR=x\n', SecretsUsedInArgOrEnv), []);
    assert.deepEqual(linesOf('RUN --mount=type=secret,id=aws,env=AWS_ACCESS_KEY_ID aws s3 ls\n', SecretsUsedInArgOrEnv), []);
  });
});
