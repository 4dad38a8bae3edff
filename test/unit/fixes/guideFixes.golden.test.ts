// Golden tests of the guide's three fixes on the guide's example and on corpus files read from ../shared.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parseDockerfile } from '../../../server/src/model/parseDockerfile';
import { CopiedVenvNotOnPath } from '../../../server/src/rules/guide/CopiedVenvNotOnPath';
import { SingleStageBuildTools } from '../../../server/src/rules/guide/SingleStageBuildTools';
import { VenvNotOnPath } from '../../../server/src/rules/guide/VenvNotOnPath';
import { copyFromStageChoices } from '../../../server/src/service/fixes/copyFromStage';
import { applyFix, runRule } from '../helpers/analyse';
import { applyEdits, corpusDir, readCorpus, withoutPathInstructions } from './corpus';

const guidePath = path.join(__dirname, '../../../examples/python-venv/Dockerfile');
const guide = fs.readFileSync(guidePath, 'utf8');

/** "Split into build and runtime stages" on single-stage corpus files that install build tools. */
const splitExpected: Record<string, string> = {
  "opentelemetry-demo__src__agent__Dockerfile": [
      "# Copyright The OpenTelemetry Authors",
      "# SPDX-License-Identifier: Apache-2.0",
      "",
      "FROM python:3.14-slim@sha256:ce40764625a4ff50df3548277632e7f96c4e77fe75fa848aae9885476e7df5a4 AS build",
      "",
      "ENV PYTHONDONTWRITEBYTECODE=1 \\",
      "    PYTHONUNBUFFERED=1",
      "WORKDIR /app",
      "",
      "RUN apt-get update && apt-get install -y --no-install-recommends \\",
      "    build-essential \\",
      "    && rm -rf /var/lib/apt/lists/*",
      "",
      "COPY src/agent/requirements.txt .",
      "",
      "RUN pip install --no-cache-dir --require-hashes -r requirements.txt",
      "",
      "COPY src/agent/src src",
      "COPY src/shared/tools.py src/agents",
      "COPY src/agent/run.py .",
      "",
      "FROM python:3.14-slim@sha256:ce40764625a4ff50df3548277632e7f96c4e77fe75fa848aae9885476e7df5a4 AS runtime",
      "ENV PYTHONDONTWRITEBYTECODE=1 \\",
      "    PYTHONUNBUFFERED=1",
      "WORKDIR /app",
      "COPY --from=build /app /app",
      "COPY --from=build /usr/local/lib/python3.14/site-packages /usr/local/lib/python3.14/site-packages",
      "COPY --from=build /usr/local/bin /usr/local/bin",
      "EXPOSE ${AGENT_PORT}",
      "CMD [\"python\", \"run.py\"]",
      "",
    ].join('\n'),
  "opentelemetry-demo__src__mcp__Dockerfile": [
      "# Copyright The OpenTelemetry Authors",
      "# SPDX-License-Identifier: Apache-2.0",
      "",
      "FROM python:3.14-slim@sha256:ce40764625a4ff50df3548277632e7f96c4e77fe75fa848aae9885476e7df5a4 AS build",
      "",
      "ENV PYTHONDONTWRITEBYTECODE=1 \\",
      "    PYTHONUNBUFFERED=1",
      "WORKDIR /app",
      "",
      "RUN apt-get update && apt-get install -y --no-install-recommends \\",
      "    build-essential \\",
      "    && rm -rf /var/lib/apt/lists/*",
      "",
      "COPY src/mcp/requirements.txt .",
      "",
      "RUN pip install --no-cache-dir --require-hashes -r requirements.txt",
      "",
      "COPY src/mcp/src src",
      "COPY src/shared/tools.py src/mcp_server",
      "COPY src/mcp/run.py .",
      "",
      "FROM python:3.14-slim@sha256:ce40764625a4ff50df3548277632e7f96c4e77fe75fa848aae9885476e7df5a4 AS runtime",
      "ENV PYTHONDONTWRITEBYTECODE=1 \\",
      "    PYTHONUNBUFFERED=1",
      "WORKDIR /app",
      "COPY --from=build /app /app",
      "COPY --from=build /usr/local/lib/python3.14/site-packages /usr/local/lib/python3.14/site-packages",
      "COPY --from=build /usr/local/bin /usr/local/bin",
      "EXPOSE ${MCP_PORT}",
      "CMD [\"python\", \"run.py\"]",
      "",
    ].join('\n'),
  "moby__contrib__syscall-test__Dockerfile": [
      "# syntax=docker/dockerfile:1",
      "",
      "ARG BASE_DEBIAN_DISTRO=trixie",
      "",
      "FROM debian:${BASE_DEBIAN_DISTRO}-slim AS build",
      "RUN apt-get update && apt-get install -y gcc libc6-dev --no-install-recommends",
      "",
      "COPY . /usr/src/",
      "",
      "WORKDIR /usr/src/",
      "",
      "RUN gcc -g -Wall -static userns.c -o /usr/bin/userns-test \\",
      "\t&& gcc -g -Wall -static ns.c -o /usr/bin/ns-test \\",
      "\t&& gcc -g -Wall -static acct.c -o /usr/bin/acct-test \\",
      "\t&& gcc -g -Wall -static setuid.c -o /usr/bin/setuid-test \\",
      "\t&& gcc -g -Wall -static setgid.c -o /usr/bin/setgid-test \\",
      "\t&& gcc -g -Wall -static socket.c -o /usr/bin/socket-test \\",
      "\t&& gcc -g -Wall -static raw.c -o /usr/bin/raw-test",
      "",
      "RUN [ \"$(uname -m)\" = \"x86_64\" ] && gcc -s -m32 -nostdlib exit32.s -o /usr/bin/exit32-test || true",
      "",
      "FROM debian:${BASE_DEBIAN_DISTRO}-slim AS runtime",
      "WORKDIR /usr/src/",
      "COPY --from=build /usr/src/ /usr/src/",
      "COPY --from=build /usr/bin/userns-test /usr/bin/userns-test",
      "COPY --from=build /usr/bin/ns-test /usr/bin/ns-test",
      "COPY --from=build /usr/bin/acct-test /usr/bin/acct-test",
      "COPY --from=build /usr/bin/setuid-test /usr/bin/setuid-test",
      "COPY --from=build /usr/bin/setgid-test /usr/bin/setgid-test",
      "COPY --from=build /usr/bin/socket-test /usr/bin/socket-test",
      "COPY --from=build /usr/bin/raw-test /usr/bin/raw-test",
      "COPY --from=build /usr/bin/exit32-test /usr/bin/exit32-test",
      "",
    ].join('\n'),
  "trivy-checks__checks__docker__test__Dockerfile": [
      "FROM openjdk AS build",
      "ARG DEPENDENCY=target/dependency",
      "COPY ${DEPENDENCY}/BOOT-INF/lib /app/lib",
      "COPY ${DEPENDENCY}/META-INF /app/META-INF",
      "COPY ${DEPENDENCY}/BOOT-INF/classes /app",
      "",
      "RUN apk add --no-cache python3 python3-dev build-base && pip3 install awscli==1.18.1",
      "",
      "FROM openjdk AS runtime",
      "COPY --from=build /app /app",
      "VOLUME /tmp",
      "ENTRYPOINT [\"java\",\"-cp\",\"app:app/lib/*\",\"hello.Application\"]",
      "",
    ].join('\n'),
  "trivy__pkg__dependency__parser__java__jar__testdata__testimage__maven__Dockerfile": [
      "FROM maven:3.6.3-jdk-11 AS build ",
      "",
      "RUN mvn archetype:generate -DgroupId=com.example -DartifactId=web-app -DarchetypeArtifactId=maven-archetype-webapp -DinteractiveMode=false",
      "WORKDIR /web-app",
      "COPY pom.xml .",
      "RUN mvn clean install && mvn package",
      "",
      "FROM eclipse-temurin:11-jre AS runtime",
      "WORKDIR /web-app",
      "COPY --from=build /web-app /web-app",
      "CMD [\"mvn\", \"dependency:tree\"]",
      "",
    ].join('\n'),
};

/**
 * venv PATH lines, on files whose own `ENV PATH=` lines are taken out first (the corpus
 * authors got PATH right, so the finding only appears once it is missing).
 */
const venvExpected: Record<string, string> = {
  guide: [
      "# First stage: build the virtual environment with the compilers of the full image.",
      "FROM python:3.8.4-slim-buster as compile-image",
      "RUN python3 -m venv /opt/venv",
      "ENV VIRTUAL_ENV=/opt/venv",
      "ENV PATH=\"/opt/venv/bin:$PATH\"",
      "# Put the venv first on PATH so pip installs into it, not into the system Python.",
      "COPY requirements.txt /requirements.txt",
      "RUN pip install -r requirements.txt",
      "",
      "# Second stage: only the venv and the application go into the image that runs.",
      "FROM python:3.8.4-alpine3.12 AS build-image",
      "COPY --from=compile-image /opt/venv /opt/venv",
      "ENV PATH=\"/opt/venv/bin:$PATH\"",
      "COPY . usr/src/app",
      "WORKDIR /usr/src/app",
      "ENTRYPOINT python3 main.py",
      "",
    ].join('\n'),
  "awesome-compose__nginx-wsgi-flask__flask__Dockerfile": [
      "FROM python:3.9.2-alpine",
      "",
      "# upgrade pip",
      "RUN pip install --upgrade pip",
      "",
      "# get curl for healthchecks",
      "RUN apk add curl",
      "",
      "# permissions and nonroot user for tightened security",
      "RUN adduser -D nonroot",
      "RUN mkdir /home/app/ && chown -R nonroot:nonroot /home/app",
      "RUN mkdir -p /var/log/flask-app && touch /var/log/flask-app/flask-app.err.log && touch /var/log/flask-app/flask-app.out.log",
      "RUN chown -R nonroot:nonroot /var/log/flask-app",
      "WORKDIR /home/app",
      "USER nonroot",
      "",
      "# copy all the files to the container",
      "COPY --chown=nonroot:nonroot . .",
      "",
      "# venv",
      "ENV VIRTUAL_ENV=/home/app/venv",
      "",
      "# python setup",
      "RUN python -m venv $VIRTUAL_ENV",
      "ENV PATH=\"/home/app/venv/bin:$PATH\"",
      "RUN export FLASK_APP=app.py",
      "RUN pip install -r requirements.txt",
      "",
      "# define the port number the container should expose",
      "EXPOSE 5000",
      "",
      "CMD [\"python\", \"app.py\"]",
    ].join('\n'),
  "uv-docker-example__multistage.Dockerfile": [
      "# An example using multi-stage image builds to create a final image without uv.",
      "",
      "# First, build the application in the `/app` directory.",
      "# See `Dockerfile` for details.",
      "FROM ghcr.io/astral-sh/uv:python3.12-bookworm-slim AS builder",
      "ENV UV_COMPILE_BYTECODE=1 UV_LINK_MODE=copy",
      "",
      "# Omit development dependencies",
      "ENV UV_NO_DEV=1",
      "",
      "# Disable Python downloads, because we want to use the system interpreter",
      "# across both images. If using a managed Python version, it needs to be",
      "# copied from the build image into the final image; see `standalone.Dockerfile`",
      "# for an example.",
      "ENV UV_PYTHON_DOWNLOADS=0",
      "",
      "WORKDIR /app",
      "RUN --mount=type=cache,target=/root/.cache/uv \\",
      "    --mount=type=bind,source=uv.lock,target=uv.lock \\",
      "    --mount=type=bind,source=pyproject.toml,target=pyproject.toml \\",
      "    uv sync --locked --no-install-project",
      "COPY . /app",
      "RUN --mount=type=cache,target=/root/.cache/uv \\",
      "    uv sync --locked",
      "",
      "",
      "# Then, use a final image without uv",
      "FROM python:3.12-slim-bookworm",
      "# It is important to use the image that matches the builder, as the path to the",
      "# Python executable must be the same, e.g., using `python:3.11-slim-bookworm`",
      "# will fail.",
      "",
      "# Setup a non-root user",
      "RUN groupadd --system --gid 999 nonroot \\",
      " && useradd --system --gid 999 --uid 999 --create-home nonroot",
      "",
      "# Copy the application from the builder",
      "COPY --from=builder --chown=nonroot:nonroot /app /app",
      "ENV PATH=\"/app/.venv/bin:$PATH\"",
      "",
      "# Place executables in the environment at the front of the path",
      "",
      "# Use the non-root user to run our application",
      "USER nonroot",
      "",
      "# Use `/app` as the working directory",
      "WORKDIR /app",
      "",
      "# Run the FastAPI application by default",
      "CMD [\"fastapi\", \"run\", \"--host\", \"0.0.0.0\", \"src/uv_docker_example\"]",
      "",
    ].join('\n'),
  "uv-docker-example__standalone.Dockerfile": [
      "# An example of using standalone Python builds with multistage images.",
      "",
      "# First, build the application in the `/app` directory",
      "FROM ghcr.io/astral-sh/uv:bookworm-slim AS builder",
      "ENV UV_COMPILE_BYTECODE=1 UV_LINK_MODE=copy",
      "",
      "# Omit development dependencies",
      "ENV UV_NO_DEV=1",
      "",
      "# Configure the Python directory so it is consistent",
      "ENV UV_PYTHON_INSTALL_DIR=/python",
      "",
      "# Only use the managed Python version",
      "ENV UV_PYTHON_PREFERENCE=only-managed",
      "",
      "# Install Python before the project for caching",
      "RUN uv python install 3.12",
      "",
      "WORKDIR /app",
      "RUN --mount=type=cache,target=/root/.cache/uv \\",
      "    --mount=type=bind,source=uv.lock,target=uv.lock \\",
      "    --mount=type=bind,source=pyproject.toml,target=pyproject.toml \\",
      "    uv sync --locked --no-install-project",
      "COPY . /app",
      "RUN --mount=type=cache,target=/root/.cache/uv \\",
      "    uv sync --locked",
      "",
      "# Then, use a final image without uv",
      "FROM debian:bookworm-slim",
      "",
      "# Setup a non-root user",
      "RUN groupadd --system --gid 999 nonroot \\",
      " && useradd --system --gid 999 --uid 999 --create-home nonroot",
      "",
      "# Copy the Python version",
      "COPY --from=builder /python /python",
      "",
      "# Copy the application from the builder",
      "COPY --from=builder --chown=nonroot:nonroot /app /app",
      "ENV PATH=\"/app/.venv/bin:$PATH\"",
      "",
      "# Place executables in the environment at the front of the path",
      "",
      "# Use the non-root user to run our application",
      "USER nonroot",
      "",
      "# Use `/app` as the working directory",
      "WORKDIR /app",
      "",
      "# Run the FastAPI application by default",
      "CMD [\"fastapi\", \"run\", \"--host\", \"0.0.0.0\", \"src/uv_docker_example\"]",
      "",
    ].join('\n'),
};

/** "Copy from stage..." choices at the last instruction of the last stage. */
const copyFromExpected: Record<string, string[]> = {
  guide: ["COPY --from=compile-image /opt/venv /opt/venv","COPY --from=compile-image /requirements.txt /requirements.txt"],
  "distroless__examples__python3-requirements__Dockerfile": ["COPY --from=build /venv /venv","COPY --from=build-venv /requirements.txt /requirements.txt"],
  "netbox-docker__Dockerfile": ["COPY --from=builder /opt/netbox/venv /opt/netbox/venv","COPY --from=builder /requirements.txt /requirements.txt","COPY --from=builder /requirements-container.txt /requirements-container.txt"],
  "uv-docker-example__multistage.Dockerfile": ["COPY --from=builder /app /app","COPY --from=builder /app/.venv /app/.venv"],
  "awesome-compose__nginx-golang-postgres__backend__Dockerfile": ["COPY --from=builder /code /code","COPY --from=builder /code/go.mod /code/go.mod","COPY --from=builder /code/go.sum /code/go.sum","COPY --from=builder /code/bin/backend /code/bin/backend"],
  "awesome-compose__react-rust-postgres__backend__Dockerfile": ["COPY --from=base /code /code","COPY --from=base /code/Cargo.toml /code/Cargo.toml","COPY --from=builder /code/target/release /code/target/release"],
};

function applyAllFixes(text: string): string {
  const findings = [...runRule(text, VenvNotOnPath).findings, ...runRule(text, CopiedVenvNotOnPath).findings];
  return applyEdits(text, findings.flatMap((finding) => finding.fixes()[0].edits));
}

function choicesAtEnd(text: string): string[] {
  const model = parseDockerfile(text);
  const last = model.instructions[model.instructions.length - 1];
  return copyFromStageChoices(model, last.range.start).map((choice) => choice.line);
}

describe('guide fixes (golden)', () => {
  describe('on the guide example', () => {
    it('offers no split: the guide is already a multi-stage build', () => {
      assert.deepEqual(runRule(guide, SingleStageBuildTools).findings, []);
    });

    it('puts the venv on PATH in both stages once the guide\'s ENV PATH lines are missing', () => {
      assert.equal(applyAllFixes(withoutPathInstructions(guide)), venvExpected.guide);
    });

    it('offers the venv and the copied requirements of compile-image in the second stage', () => {
      assert.deepEqual(choicesAtEnd(guide), copyFromExpected.guide);
      assert.deepEqual(copyFromStageChoices(parseDockerfile(guide), { line: 2, character: 0 }), [], 'nothing to copy from in the first stage');
    });

    it('writes a path with a space in the JSON form of COPY, which keeps it whole', () => {
      const text = 'FROM node:22 AS web\nWORKDIR /srv/web app\nRUN npm ci\nFROM nginx:1.27\nEXPOSE 80\n';
      assert.deepEqual(choicesAtEnd(text), ['COPY --from=web ["/srv/web app", "/srv/web app"]']);
      assert.deepEqual(choicesAtEnd(text.replace('web app', 'web-app')), ['COPY --from=web /srv/web-app /srv/web-app']);
    });

    it('inserts the chosen COPY line after the instruction at the position', () => {
      const model = parseDockerfile(guide);
      const at = model.stages[1].instructions[2];
      const [venv] = copyFromStageChoices(model, at.range.start);
      const fixed = applyEdits(guide, [venv.edit]);
      assert.ok(fixed.includes('COPY . usr/src/app\nCOPY --from=compile-image /opt/venv /opt/venv\nWORKDIR /usr/src/app\n'));
    });
  });

  describe('on corpus files', function () {
    before(function () {
      if (!corpusDir) {
        console.log('    (skipped: ../shared/corpus/dockerfiles is absent)');
        this.skip();
      }
    });

    for (const [file, expected] of Object.entries(splitExpected)) {
      it(`splits ${file} into build and runtime stages`, () => {
        const text = readCorpus(file);
        const [finding] = runRule(text, SingleStageBuildTools).findings;
        const [fix] = finding.fixes();
        assert.equal(applyFix(text, fix), expected);
      });
    }

    for (const [file, expected] of Object.entries(venvExpected)) {
      if (file === 'guide') {
        continue;
      }
      it(`adds the venv PATH lines to ${file}`, () => {
        assert.equal(applyAllFixes(withoutPathInstructions(readCorpus(file))), expected);
      });
    }

    for (const file of ['netbox-docker__Dockerfile', 'distroless__examples__python3-requirements__Dockerfile', 'mealie__docker__Dockerfile', 'uv-docker-example__Dockerfile']) {
      it(`finds nothing to fix in the venvs of ${file} (used by full path, or already on PATH)`, () => {
        const text = readCorpus(file);
        assert.equal(applyAllFixes(text), text);
        assert.equal(applyAllFixes(withoutPathInstructions(text)), withoutPathInstructions(text));
      });
    }

    for (const [file, expected] of Object.entries(copyFromExpected)) {
      if (file === 'guide') {
        continue;
      }
      it(`offers what earlier stages of ${file} created`, () => {
        assert.deepEqual(choicesAtEnd(readCorpus(file)), expected);
      });
    }
  });
});
