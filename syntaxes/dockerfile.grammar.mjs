// Builds syntaxes/dockerfile.tmLanguage.json: the Dockerfile grammar is written as code because
// every instruction rule exists once per escape character and once per shell it embeds.
//
// How the grammar stays correct on real files:
// - An instruction is a region from its keyword to the end of a line that does not end with the
//   escape character (`\`, or a backtick after `# escape=\``). Comment and blank lines inside a
//   continued instruction do not end it, as in Docker.
// - Shell text is tokenized by the embedded grammar one physical line at a time, inside a capture,
//   so nothing the embedded grammar opens can outlive its line.
// - A heredoc body that holds a script is a begin/while region whose condition is "not the
//   terminator line", so the terminator closes whatever the embedded grammar left open.
// - The escape directive opens a region that lasts to the end of the file; `SHELL` with
//   PowerShell or cmd opens one that lasts to the next `FROM` or `SHELL`.
// Every regex is linear: no nested unbounded quantifiers, atomic groups where a loop could
// backtrack, and searches anchored with `\G` or `^` where a rule would otherwise rescan a line.

import { writeFileSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const r = String.raw;

// A backtick escape means a Windows image, whose default shell is cmd.
const ESCAPES = [
  { id: 'bs', re: r`\\`, defaultShell: 'sh' },
  { id: 'bt', re: '`', defaultShell: 'cmd' },
];

const SHELLS = {
  sh: { scope: 'source.shell', language: 'shellscript', program: r`(?>(?:[^"\n]*[\\/])?)(?!(?i:powershell|pwsh|cmd)(?:\.exe)?")` },
  pwsh: { scope: 'source.powershell', language: 'powershell', program: r`(?:[^"\n]*[\\/])?(?i:powershell|pwsh)(?:\.exe)?"` },
  cmd: { scope: 'source.batchfile', language: 'bat', program: r`(?:[^"\n]*[\\/])?(?i:cmd)(?:\.exe)?"` },
};

const DIRECTIVE_START = r`#[ \t]*(?i:syntax|escape|check)[ \t]*=`;
const NAME = r`[A-Za-z_][A-Za-z0-9_]*`;
const JSON_STRING = r`"(?:[^"\\\n]|\\.)*"`;
const HEREDOC_WORD = r`[A-Za-z_][\w.-]*`;
const HEREDOC_MARKER = r`(?<!<)<<(?!<)-?[ \t]*(?:"${HEREDOC_WORD}"|'${HEREDOC_WORD}'|${HEREDOC_WORD})`;

/** A heredoc marker with five groups after `offset`: `<<`, dash, quoted word, quote, word. */
function heredocMarker(offset) {
  return r`(?<!<)(<<)(?!<)(-?)[ \t]*((["']?)(${HEREDOC_WORD})` + backReference(offset + 4) + ')';
}

function backReference(group) {
  return `\\${group}`;
}

/** The terminator line of a heredoc whose dash and word were captured by the begin pattern. */
function heredocTerminator(dashGroup, wordGroup) {
  // `(?!\N)` becomes `(?!-)` after `<<-`, which lets tabs through, and `(?!)` after `<<`.
  return r`^(?:\t*(?!${backReference(dashGroup)}))?(${backReference(wordGroup)})(?=\n)`;
}

/** At the newline of a line that does not continue (backup for when other rules ate the escape). */
function endOfInstruction(esc) {
  const e = esc.re;
  return r`(?!^)(?<!${e})(?<!${e}[ \t])(?<!${e}[ \t]{2})(?<!${e}[ \t]{3})(?=\n)`;
}

const markerCaptures = (offset) => ({
  [offset + 1]: { name: 'keyword.operator.heredoc.dockerfile' },
  [offset + 2]: { name: 'keyword.operator.heredoc.dockerfile' },
  [offset + 3]: { name: 'keyword.control.heredoc-token.dockerfile' },
  [offset + 4]: { name: 'punctuation.definition.string.dockerfile' },
});

function buildGrammar() {
  const repository = {};

  repository['comment'] = {
    match: r`^([ \t]*)((#)[^\n]*)`,
    captures: {
      2: { name: 'comment.line.number-sign.dockerfile' },
      3: { name: 'punctuation.definition.comment.dockerfile' },
    },
  };

  repository['directives'] = {
    patterns: [
      {
        match: r`^(#)[ \t]*((?i:syntax))[ \t]*(=)[ \t]*([^\n]*?)[ \t]*$`,
        name: 'meta.directive.syntax.dockerfile',
        captures: {
          1: { name: 'punctuation.definition.directive.dockerfile' },
          2: { name: 'keyword.other.directive.dockerfile' },
          3: { name: 'keyword.operator.assignment.dockerfile' },
          4: { name: 'string.unquoted.directive-value.dockerfile' },
        },
      },
      {
        match: r`^(#)[ \t]*((?i:escape))[ \t]*(=)[ \t]*([^\n]*?)[ \t]*$`,
        name: 'meta.directive.escape.dockerfile',
        captures: {
          1: { name: 'punctuation.definition.directive.dockerfile' },
          2: { name: 'keyword.other.directive.dockerfile' },
          3: { name: 'keyword.operator.assignment.dockerfile' },
          4: { name: 'constant.character.escape.directive-value.dockerfile' },
        },
      },
      {
        match: r`^(#)[ \t]*((?i:check))[ \t]*(=)[ \t]*([^\n]*?)[ \t]*$`,
        name: 'meta.directive.check.dockerfile',
        captures: {
          1: { name: 'punctuation.definition.directive.dockerfile' },
          2: { name: 'keyword.other.directive.dockerfile' },
          3: { name: 'keyword.operator.assignment.dockerfile' },
          4: { patterns: [{ include: '#check-directive-value' }] },
        },
      },
    ],
  };

  repository['check-directive-value'] = {
    patterns: [
      {
        match: r`(?<=^|[=;\s])((?i:skip|error|experimental))[ \t]*(=)`,
        captures: {
          1: { name: 'entity.other.attribute-name.check-key.dockerfile' },
          2: { name: 'keyword.operator.assignment.dockerfile' },
        },
      },
      { match: r`\b(?i:true|false)\b`, name: 'constant.language.boolean.dockerfile' },
      { match: r`\b(?i:all)\b`, name: 'constant.language.all.dockerfile' },
      { match: r`[A-Za-z][A-Za-z0-9]*`, name: 'constant.other.rule-name.dockerfile' },
      { match: ';', name: 'punctuation.separator.check.dockerfile' },
      { match: ',', name: 'punctuation.separator.comma.dockerfile' },
    ],
  };

  // Directives count only in the unbroken run of directive lines that opens the file.
  repository['preamble'] = {
    begin: r`\A(?=${DIRECTIVE_START})`,
    end: r`^(?!${DIRECTIVE_START})`,
    patterns: [{ include: '#backtick-escape-file' }, { include: '#directives' }],
  };

  repository['backtick-escape-file'] = {
    begin: r`^(#)[ \t]*((?i:escape))[ \t]*(=)[ \t]*(\x60)[ \t]*$`,
    beginCaptures: {
      0: { name: 'meta.directive.escape.dockerfile' },
      1: { name: 'punctuation.definition.directive.dockerfile' },
      2: { name: 'keyword.other.directive.dockerfile' },
      3: { name: 'keyword.operator.assignment.dockerfile' },
      4: { name: 'constant.character.escape.directive-value.dockerfile' },
    },
    end: '(?!)',
    patterns: [
      { include: '#directives' },
      { begin: r`^(?!${DIRECTIVE_START})`, end: '(?!)', patterns: [{ include: '#body-bt' }] },
    ],
  };

  repository['variables-bs'] = variables(ESCAPES[0]);
  repository['variables-bt'] = variables(ESCAPES[1]);
  repository['json-string'] = {
    match: r`(")((?:[^"\\\n]|\\.)*)(")`,
    name: 'string.quoted.double.dockerfile',
    captures: {
      1: { name: 'punctuation.definition.string.begin.dockerfile' },
      2: { patterns: [{ match: r`\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})`, name: 'constant.character.escape.dockerfile' }] },
      3: { name: 'punctuation.definition.string.end.dockerfile' },
    },
  };
  repository['heredoc-marker'] = { match: heredocMarker(0), captures: markerCaptures(0) };

  for (const esc of ESCAPES) {
    addEscapeRules(repository, esc);
    for (const shell of Object.keys(SHELLS)) {
      addShellRules(repository, esc, shell);
    }
    repository[`body-${esc.id}`] = {
      patterns: [
        { include: '#comment' },
        ...Object.keys(SHELLS)
          .filter((shell) => shell !== esc.defaultShell)
          .map((shell) => ({ include: `#shell-stage-${esc.id}-${shell}` })),
        { include: `#instructions-${esc.id}-${esc.defaultShell}` },
      ],
    };
  }

  return {
    $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
    name: 'Dockerfile (Dockerfile Advisor)',
    scopeName: 'source.dockerfile.advisor',
    comment: 'Generated by syntaxes/dockerfile.grammar.mjs; edit that file, not this one.',
    patterns: [{ include: '#preamble' }, { include: '#body-bs' }],
    repository,
  };
}

function variables(esc) {
  return {
    patterns: [
      { match: r`${esc.re}\$`, name: 'constant.character.escape.dockerfile' },
      {
        // One level of nesting in the word (`${A:-${B}}`) covers real files and keeps this linear.
        match: r`(\$\{)(${NAME})(?:(:?[-+?]|##?|%%?|//?)((?:[^}$\n]|\$(?!\{)|\$\{[^}\n]*\})*))?(\})`,
        name: 'meta.interpolation.variable.dockerfile',
        captures: {
          1: { name: 'punctuation.definition.variable.begin.dockerfile' },
          2: { name: 'variable.other.readwrite.dockerfile' },
          3: { name: 'keyword.operator.expansion.dockerfile' },
          4: { name: 'string.unquoted.expansion-word.dockerfile', patterns: [{ include: `#variables-${esc.id}` }] },
          5: { name: 'punctuation.definition.variable.end.dockerfile' },
        },
      },
      {
        match: r`(\$)(${NAME})`,
        name: 'variable.other.readwrite.dockerfile',
        captures: { 1: { name: 'punctuation.definition.variable.dockerfile' } },
      },
    ],
  };
}

function addEscapeRules(repository, esc) {
  const id = esc.id;
  const e = esc.re;
  const eoi = endOfInstruction(esc);

  // Inside an instruction: lines Docker drops, and the escape that joins lines.
  repository[`line-handling-${id}`] = {
    patterns: [
      {
        match: r`^([ \t]*)((#)[^\n]*)\n`,
        captures: {
          2: { name: 'comment.line.number-sign.dockerfile' },
          3: { name: 'punctuation.definition.comment.dockerfile' },
        },
      },
      { match: r`^[ \t]*\n` },
      { include: `#line-continuation-${id}` },
    ],
  };
  repository[`line-continuation-${id}`] = {
    match: r`(${e})[ \t]*\n`,
    captures: { 1: { name: 'constant.character.escape.line-continuation.dockerfile' } },
  };

  repository[`flag-${id}`] = {
    match: r`(?<!\S)((--)([A-Za-z][\w-]*))(?:(=)((?:[^\s"']|"(?:[^"\\\n]|\\.)*"|'[^'\n]*')*))?`,
    name: 'meta.flag.dockerfile',
    captures: {
      1: { name: 'entity.other.attribute-name.flag.dockerfile' },
      2: { name: 'punctuation.definition.flag.dockerfile' },
      4: { name: 'keyword.operator.assignment.dockerfile' },
      5: { name: 'string.unquoted.flag-value.dockerfile', patterns: [{ include: `#flag-value-${id}` }] },
    },
  };
  repository[`flag-value-${id}`] = {
    patterns: [
      {
        match: r`(?<=[=,])([A-Za-z][\w-]*)(=)`,
        captures: {
          1: { name: 'entity.other.attribute-name.option.dockerfile' },
          2: { name: 'keyword.operator.assignment.dockerfile' },
        },
      },
      { match: r`(?<=type=)(?:bind|cache|tmpfs|secret|ssh)\b`, name: 'constant.language.mount-type.dockerfile' },
      { match: r`(?<=[=,])(?:true|false)\b`, name: 'constant.language.boolean.dockerfile' },
      { match: ',', name: 'punctuation.separator.comma.dockerfile' },
      { include: `#variables-${id}` },
    ],
  };

  repository[`json-array-${id}`] = {
    begin: r`(\[)(?=[ \t]*(?>(?:${JSON_STRING}[ \t]*,[ \t]*)*)(?:${JSON_STRING}[ \t]*)?(?:\]|${e})[ \t]*$)`,
    beginCaptures: { 1: { name: 'punctuation.definition.array.begin.dockerfile' } },
    end: r`(\])|${eoi}`,
    endCaptures: { 1: { name: 'punctuation.definition.array.end.dockerfile' } },
    name: 'meta.array.exec-form.dockerfile',
    patterns: [
      { include: `#line-handling-${id}` },
      { include: '#json-string' },
      { match: ',', name: 'punctuation.separator.array.dockerfile' },
    ],
  };

  repository[`quoted-${id}`] = {
    patterns: [
      {
        begin: '"',
        beginCaptures: { 0: { name: 'punctuation.definition.string.begin.dockerfile' } },
        end: r`(")|${eoi}`,
        endCaptures: { 1: { name: 'punctuation.definition.string.end.dockerfile' } },
        name: 'string.quoted.double.dockerfile',
        patterns: [
          { include: `#line-continuation-${id}` },
          { match: r`${e}.`, name: 'constant.character.escape.dockerfile' },
          { include: `#variables-${id}` },
        ],
      },
      {
        begin: "'",
        beginCaptures: { 0: { name: 'punctuation.definition.string.begin.dockerfile' } },
        end: r`(')|${eoi}`,
        endCaptures: { 1: { name: 'punctuation.definition.string.end.dockerfile' } },
        name: 'string.quoted.single.dockerfile',
        patterns: [{ include: `#line-continuation-${id}` }],
      },
    ],
  };

  // Arguments start at their first character so that `\G` marks that spot for the rules inside.
  const argumentsStart = r`(?=\S)(?!${e}[ \t]*\n)`;
  const args = (name, patterns) => ({
    begin: argumentsStart,
    end: eoi,
    name,
    patterns: [{ include: `#line-handling-${id}` }, ...patterns],
  });

  repository[`from-arguments-${id}`] = args('meta.arguments.from.dockerfile', [
    {
      match: r`\G((?:[^\s@$]|\$\{[^}\s]*\}|\$\w)+?)(?:(:)((?:[^\s@:/$]|\$\{[^}\s]*\}|\$\w)+))?(?:(@)([A-Za-z0-9]+:[0-9A-Fa-f]+))?(?=\s|$)`,
      captures: {
        1: { name: 'entity.name.type.image.dockerfile', patterns: [{ include: `#variables-${id}` }] },
        2: { name: 'punctuation.separator.tag.dockerfile' },
        3: { name: 'constant.other.image-tag.dockerfile', patterns: [{ include: `#variables-${id}` }] },
        4: { name: 'punctuation.separator.digest.dockerfile' },
        5: { name: 'constant.other.image-digest.dockerfile' },
      },
    },
    {
      match: r`(?<=\s)((?i:as))[ \t]+([^\s]+)`,
      captures: {
        1: { name: 'keyword.other.as.dockerfile' },
        2: { name: 'entity.name.function.stage.dockerfile' },
      },
    },
    { include: `#variables-${id}` },
  ]);

  const assignmentValue = {
    begin: r`(?<==)(?=[^\s])`,
    end: r`(?=[ \t]|\n)`,
    contentName: 'string.unquoted.value.dockerfile',
    patterns: [{ include: `#quoted-${id}` }, { match: r`${e}.`, name: 'constant.character.escape.dockerfile' }, { include: `#variables-${id}` }],
  };
  const assignments = (keyScope) => [
    {
      match: r`(?<!\S)("(?:[^"\\\n]|\\.)*"|[^\s="'${e}]+)(=)`,
      captures: {
        1: { name: keyScope, patterns: [{ include: `#quoted-${id}` }] },
        2: { name: 'keyword.operator.assignment.dockerfile' },
      },
    },
    assignmentValue,
    // The legacy `ENV KEY value` and `LABEL key value` forms, and `ARG NAME` without a default.
    { match: r`\G([^\s="'${e}]+)(?=[ \t]|\n)`, captures: { 1: { name: keyScope } } },
    { include: `#quoted-${id}` },
    { include: `#variables-${id}` },
  ];
  repository[`env-arguments-${id}`] = args('meta.arguments.env.dockerfile', assignments('variable.other.env.dockerfile'));
  repository[`arg-arguments-${id}`] = args('meta.arguments.arg.dockerfile', assignments('variable.parameter.arg.dockerfile'));
  repository[`label-arguments-${id}`] = args('meta.arguments.label.dockerfile', assignments('entity.other.attribute-name.label.dockerfile'));

  const words = [{ include: `#quoted-${id}` }, { match: r`${e}\$`, name: 'constant.character.escape.dockerfile' }, { include: `#variables-${id}` }];
  repository[`expose-arguments-${id}`] = args('meta.arguments.expose.dockerfile', [
    {
      match: r`(?<![^\s])(\d+)(?:(-)(\d+))?(?:(/)((?i:tcp|udp|sctp)))?(?=\s)`,
      captures: {
        1: { name: 'constant.numeric.port.dockerfile' },
        2: { name: 'punctuation.separator.range.dockerfile' },
        3: { name: 'constant.numeric.port.dockerfile' },
        4: { name: 'punctuation.separator.protocol.dockerfile' },
        5: { name: 'constant.language.protocol.dockerfile' },
      },
    },
    ...words,
  ]);
  repository[`stopsignal-arguments-${id}`] = args('meta.arguments.stopsignal.dockerfile', [
    { match: r`\G(?:SIG[A-Z0-9+-]+|[A-Z][A-Z0-9]*|\d+)(?=\s)`, name: 'constant.language.signal.dockerfile' },
    ...words,
  ]);
  repository[`user-arguments-${id}`] = args('meta.arguments.user.dockerfile', [
    {
      match: r`\G((?:[^\s:$]|\$\{[^}\s]*\}|\$\w)+)(?:(:)((?:[^\s$]|\$\{[^}\s]*\}|\$\w)+))?`,
      captures: {
        1: { name: 'string.unquoted.user.dockerfile', patterns: [{ include: `#variables-${id}` }] },
        2: { name: 'punctuation.separator.group.dockerfile' },
        3: { name: 'string.unquoted.group.dockerfile', patterns: [{ include: `#variables-${id}` }] },
      },
    },
    ...words,
  ]);
  repository[`path-arguments-${id}`] = args('meta.arguments.paths.dockerfile', words);
  repository[`text-arguments-${id}`] = args('meta.arguments.text.dockerfile', [{ include: `#variables-${id}` }]);

  const heredocs = dataHeredocRules(id, [{ include: '#heredoc-marker' }, { include: `#path-words-${id}` }]);
  repository[`path-words-${id}`] = { patterns: words };
  Object.assign(repository, prefixKeys(heredocs, `copy-${id}`));
  repository[`copy-arguments-${id}`] = args('meta.arguments.copy.dockerfile', [
    { include: `#copy-${id}-heredoc-chain-3` },
    { include: `#copy-${id}-heredoc-chain-2` },
    { include: `#copy-${id}-heredoc-data` },
    ...words,
  ]);

  const simple = [
    ['from', 'FROM', true, [`#from-arguments-${id}`]],
    ['copy', 'COPY|ADD', true, [`#json-array-${id}`, `#copy-arguments-${id}`]],
    ['shell', 'SHELL', false, [`#json-array-${id}`, `#text-arguments-${id}`]],
    ['env', 'ENV', false, [`#env-arguments-${id}`]],
    ['arg', 'ARG', false, [`#arg-arguments-${id}`]],
    ['label', 'LABEL', false, [`#label-arguments-${id}`]],
    ['expose', 'EXPOSE', false, [`#expose-arguments-${id}`]],
    ['workdir', 'WORKDIR', false, [`#path-arguments-${id}`]],
    ['user', 'USER', false, [`#user-arguments-${id}`]],
    ['volume', 'VOLUME', false, [`#json-array-${id}`, `#path-arguments-${id}`]],
    ['stopsignal', 'STOPSIGNAL', false, [`#stopsignal-arguments-${id}`]],
    ['maintainer', 'MAINTAINER', false, [`#text-arguments-${id}`]],
  ];
  for (const [key, keywords, hasFlags, argRules] of simple) {
    repository[`instruction-${key}-${id}`] = instruction(esc, key, keywords, hasFlags, argRules.map((rule) => ({ include: rule })));
  }
}

function instruction(esc, key, keywords, hasFlags, argumentPatterns) {
  return {
    begin: r`(?:^|\G)[ \t]*((?i:${keywords}))(?=\s|${esc.re})`,
    beginCaptures: { 1: { name: 'keyword.other.instruction.dockerfile' } },
    end: endOfInstruction(esc),
    name: `meta.instruction.${key}.dockerfile`,
    patterns: [
      { include: `#line-handling-${esc.id}` },
      ...(hasFlags ? [{ include: `#flag-${esc.id}` }] : []),
      ...argumentPatterns,
    ],
  };
}

function prefixKeys(rules, prefix) {
  return Object.fromEntries(Object.entries(rules).map(([key, rule]) => [`${prefix}-${key}`, rule]));
}

/**
 * Heredocs whose bodies are data (file contents, another program's input): one heredoc on a
 * line, or two or three, whose bodies follow one another. The rule for the last heredoc of a line
 * encloses the rule for the one before it, so the bodies close in order.
 */
function dataHeredocRules(id, lineRestPatterns, prefixPatterns = lineRestPatterns) {
  const bodyLine = {
    match: r`^[^\n]*`,
    name: 'string.unquoted.heredoc.dockerfile',
    captures: { 0: { patterns: [{ include: `#variables-${id}` }] } },
  };
  const single = (anchor) => ({
    begin: r`${anchor}([^\n]*?)${heredocMarker(1)}([^\n]*)`,
    beginCaptures: { 1: { patterns: prefixPatterns }, ...markerCaptures(1), 7: { patterns: lineRestPatterns } },
    end: heredocTerminator(3, 6),
    endCaptures: { 1: { name: 'keyword.control.heredoc-token.dockerfile' } },
    name: 'meta.heredoc.dockerfile',
    contentName: 'string.unquoted.heredoc.dockerfile',
    patterns: [{ include: `#variables-${id}` }],
  });
  const chain = (anchor, count, inner) => ({
    begin: r`${anchor}(?=${r`[^\n]*?${HEREDOC_MARKER}`.repeat(count - 1)}[^\n]*?${heredocMarker(0)})`,
    end: heredocTerminator(2, 5),
    endCaptures: { 1: { name: 'keyword.control.heredoc-token.dockerfile' } },
    name: 'meta.heredoc.dockerfile',
    patterns: [inner, bodyLine],
  });
  const anywhere = r`(?:\G|^)`;
  return {
    'heredoc-data': single(anywhere),
    'heredoc-chain-2': chain(anywhere, 2, single(r`\G`)),
    'heredoc-chain-3': chain(anywhere, 3, chain(r`\G`, 2, single(r`\G`))),
  };
}

function addShellRules(repository, esc, shellId) {
  const id = `${esc.id}-${shellId}`;
  const shell = SHELLS[shellId];
  const e = esc.re;
  const eoi = endOfInstruction(esc);
  const embed = { include: shell.scope };

  // Each physical line of a command is tokenized in a capture, so nothing the embedded grammar
  // opens can outlive its line: VS Code's shell grammar does not expect Docker's line joining and
  // would otherwise run past `fi \` into the next instructions.
  // VS Code's shell grammar recognizes a command name only after a line start or an operator,
  // never after `RUN `, so the first word after the instruction is named here.
  const commandName =
    shellId === 'sh'
      ? r`(?!(?:if|then|else|elif|fi|for|while|until|do|done|case|esac|in|function|select|time|coproc)(?=[\s;]))[A-Za-z_./~][\w./@%+:,~-]*(?=[ \t;&|<>)]|\n)`
      : '(?!)';
  const lineStart = r`(?:\G(?>(${commandName})?)|^)`;
  const lineCaptures = {
    1: { name: 'entity.name.function.call.dockerfile entity.name.command.dockerfile' },
    2: { patterns: [embed] },
  };
  const continuedLine = {
    match: r`${lineStart}([^\n]*)(${e})[ \t]*\n`,
    captures: { ...lineCaptures, 3: { name: 'constant.character.escape.line-continuation.dockerfile' } },
  };
  const finalLine = {
    match: r`${lineStart}([^\n]*)(?=\n)(?<!${e})(?<!${e}[ \t])(?<!${e}[ \t]{2})(?<!${e}[ \t]{3})(?<!${e}[ \t]{4})`,
    captures: lineCaptures,
  };
  const shellForm = (name, heredocPatterns) => ({
    begin: r`(?=\S)(?!${e}[ \t]*\n)`,
    end: eoi,
    name,
    contentName: `meta.embedded.line.${shell.language}`,
    patterns: [{ include: `#line-handling-${esc.id}` }, ...heredocPatterns, continuedLine, finalLine],
  });

  const lineRest = [{ include: '#heredoc-marker' }, embed];
  Object.assign(repository, prefixKeys(dataHeredocRules(esc.id, lineRest, [embed]), `run-${id}`));

  // A heredoc holds a script when it is the whole command (`RUN <<EOF`) or feeds a shell
  // (`RUN bash -e <<EOF`); then its body is highlighted with the shell's grammar.
  const scriptHeredoc = (prefix, markerEndsLine) => ({
    begin: r`(?:\G|^)(${prefix})(?=${heredocMarker(1)}${markerEndsLine ? r`[ \t]*\n` : ''})`,
    beginCaptures: { 1: { patterns: [embed] } },
    end: heredocTerminator(3, 6),
    endCaptures: { 1: { name: 'keyword.control.heredoc-token.dockerfile' } },
    name: 'meta.heredoc.dockerfile',
    patterns: [
      {
        begin: r`\G${heredocMarker(0)}([^\n]*)`,
        beginCaptures: { ...markerCaptures(0), 6: { patterns: lineRest } },
        while: r`^(?!(?:\t*(?!\2))?\5(?=\n))`,
        contentName: `meta.embedded.block.${shell.language}`,
        // Variables stay highlighted where the embedded grammar is not installed.
        patterns: [embed, { include: `#variables-${esc.id}` }],
      },
    ],
  });
  repository[`run-${id}-heredoc-script`] = scriptHeredoc(r`[ \t]*`, true);
  repository[`run-${id}-heredoc-shell`] = scriptHeredoc(
    r`[^\n]*?(?<![^\s;&|(])(?:[\w.-]*/)*(?:ba|da|a|z|k)?sh(?:[ \t]+-[A-Za-z]+)*[ \t]*`,
    false,
  );

  repository[`run-arguments-${id}`] = shellForm('meta.arguments.shell-form.dockerfile', [
    { include: `#run-${id}-heredoc-chain-3` },
    { include: `#run-${id}-heredoc-chain-2` },
    { include: `#run-${id}-heredoc-script` },
    { include: `#run-${id}-heredoc-shell` },
    { include: `#run-${id}-heredoc-data` },
  ]);
  repository[`command-arguments-${id}`] = shellForm('meta.arguments.shell-form.dockerfile', []);

  const execOrShell = [`#json-array-${esc.id}`, `#command-arguments-${id}`].map((rule) => ({ include: rule }));
  repository[`instruction-run-${id}`] = instruction(esc, 'run', 'RUN', true, [
    { include: `#json-array-${esc.id}` },
    { include: `#run-arguments-${id}` },
  ]);
  repository[`instruction-cmd-${id}`] = instruction(esc, 'cmd', 'CMD', false, execOrShell);
  repository[`instruction-entrypoint-${id}`] = instruction(esc, 'entrypoint', 'ENTRYPOINT', false, execOrShell);
  repository[`instruction-healthcheck-${id}`] = instruction(esc, 'healthcheck', 'HEALTHCHECK', true, [
    {
      begin: r`(?=\S)(?!${e}[ \t]*\n)`,
      end: eoi,
      name: 'meta.arguments.healthcheck.dockerfile',
      patterns: [
        { match: r`\G(?i:NONE)\b`, name: 'constant.language.none.dockerfile' },
        {
          begin: r`\G((?i:CMD))(?=\s|${e})`,
          beginCaptures: { 1: { name: 'keyword.other.instruction.dockerfile' } },
          end: eoi,
          patterns: [{ include: `#line-handling-${esc.id}` }, ...execOrShell],
        },
      ],
    },
  ]);
  repository[`instruction-onbuild-${id}`] = instruction(esc, 'onbuild', 'ONBUILD', false, [
    {
      begin: r`(?=\S)(?!${e}[ \t]*\n)`,
      end: eoi,
      name: 'meta.arguments.onbuild.dockerfile',
      patterns: [{ include: `#instructions-${id}` }],
    },
  ]);

  const perShell = ['run', 'cmd', 'entrypoint', 'healthcheck', 'onbuild'];
  const perEscape = ['from', 'copy', 'shell', 'env', 'arg', 'label', 'expose', 'workdir', 'user', 'volume', 'stopsignal', 'maintainer'];
  repository[`instructions-${id}`] = {
    patterns: [
      ...perShell.map((key) => ({ include: `#instruction-${key}-${id}` })),
      ...perEscape.map((key) => ({ include: `#instruction-${key}-${esc.id}` })),
    ],
  };

  // `SHELL` sets the shell of the rest of its stage.
  const otherShell = r`(?![ \t]*\[[ \t]*"${shell.program})`;
  repository[`shell-stage-${id}`] = {
    begin: r`^(?=[ \t]*(?i:SHELL)[ \t]+\[[ \t]*"${shell.program})`,
    end: r`^(?=[ \t]*(?i:FROM)\s)|^(?=[ \t]*(?i:SHELL)\s${otherShell})`,
    patterns: [{ include: '#comment' }, { include: `#instructions-${id}` }],
  };
}

const grammar = buildGrammar();
const text = JSON.stringify(grammar, null, 2) + '\n';
const target = fileURLToPath(new URL('./dockerfile.tmLanguage.json', import.meta.url));

if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    // A missing file is reported below like a stale one.
  }
  if (current !== text) {
    console.error('syntaxes/dockerfile.tmLanguage.json is out of date: run `node syntaxes/dockerfile.grammar.mjs`.');
    process.exit(1);
  }
} else {
  writeFileSync(target, text);
}
