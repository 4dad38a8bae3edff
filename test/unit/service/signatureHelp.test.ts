import * as assert from 'assert';
import type { MarkupContent } from 'vscode-languageserver-types';
import { listFlags } from '../../../server/src/docs/referenceDocs';
import { activeParameter, inLanguage, signatureHelp } from './fixture';

function documentationOfActive(help: ReturnType<typeof signatureHelp>): string {
  const parameter = help?.signatures[help.activeSignature ?? 0]?.parameters?.[help.activeParameter ?? -1];
  const doc = parameter?.documentation;
  return doc === undefined ? '' : typeof doc === 'string' ? doc : (doc as MarkupContent).value;
}

describe('signature help', () => {
  it('shows every flag of COPY and highlights the one under the cursor', () => {
    const help = signatureHelp('FROM alpine AS build\nFROM alpine\nCOPY --chown=app:app --from=bu|ild /a /b\n');
    const label = help?.signatures[0].label ?? '';
    for (const flag of listFlags('COPY')) {
      assert.ok(label.includes(`--${flag.name}`), `${flag.name} in ${label}`);
    }
    assert.equal(activeParameter(help), '[--from=<stage|image>]');
  });

  it('highlights the source, then the destination', () => {
    assert.equal(activeParameter(signatureHelp('FROM alpine\nCOPY --link sr|c /dest/\n')), '<source>...');
    assert.equal(activeParameter(signatureHelp('FROM alpine\nCOPY --link a b /de|st/\n')), '<destination>');
    assert.equal(activeParameter(signatureHelp('FROM alpine\nCOPY src |')), '<destination>');
  });

  it('highlights the image and the stage name of FROM', () => {
    assert.equal(activeParameter(signatureHelp('FROM --platform=$BUILDPLATFORM golang:1.2|2 AS build\n')), '<image>[:<tag>|@<digest>]');
    assert.equal(activeParameter(signatureHelp('FROM --platform=linux/am|d64 golang:1.22 AS build\n')), '[--platform=<platform>]');
    assert.equal(activeParameter(signatureHelp('FROM golang:1.22 AS bu|ild\n')), '[AS <name>]');
  });

  it('shows the options of the mount type and highlights the one being written', () => {
    const help = signatureHelp('FROM alpine\nRUN --mount=type=cache,target=/root/.cache,sharing=|');
    assert.equal(help?.activeSignature, 1);
    assert.match(help?.signatures[1].label ?? '', /^--mount=type=cache,target=<path>,id=<id>,sharing=shared\|private\|locked/);
    assert.equal(activeParameter(help), 'sharing=shared|private|locked');
    assert.equal(activeParameter(signatureHelp('FROM alpine\nRUN --mount=type=|')), 'type=bind|cache|tmpfs|secret|ssh');
    assert.equal(activeParameter(signatureHelp('FROM alpine\nRUN --mount=type=secret,id=npm,e|nv=TOKEN ls')), 'env=<env>');
  });

  it('highlights HEALTHCHECK flags and the command', () => {
    assert.equal(activeParameter(signatureHelp('FROM alpine\nHEALTHCHECK --retries=|')), '[--retries=<n>]');
    assert.equal(activeParameter(signatureHelp('FROM alpine\nHEALTHCHECK --interval=5s CMD cu|rl -f http://localhost/')), 'CMD <command> | NONE');
  });

  it('speaks Spanish in our signatures', inLanguage('es', () => {
    const help = signatureHelp('FROM alpine\nCOPY a |');
    assert.equal(activeParameter(help), '<destino>');
    assert.match(documentationOfActive(help), /Dónde ponerlos en la imagen/);
    const doc = help?.signatures[0].documentation as MarkupContent;
    assert.match(doc.value, /Copia/);
    const mount = signatureHelp('FROM alpine\nRUN --mount=type=cache,sha|ring=locked ls');
    assert.match(documentationOfActive(mount), /compilaciones simultáneas/);
  }));

  it("keeps the base service's signatures for other instructions and translates them", inLanguage('es', () => {
    const help = signatureHelp('FROM alpine\nENV NAME=va|lue\n');
    assert.ok(help !== null && help.signatures.length > 0);
    const all = JSON.stringify(help);
    assert.match(all, /variable de entorno/);
    assert.doesNotMatch(all, /Set an environment variable/);
  }));

  it('leaves the base service in English', () => {
    const help = signatureHelp('FROM alpine\nENV NAME=va|lue\n');
    assert.match(JSON.stringify(help), /Set an environment variable/);
  });
});
