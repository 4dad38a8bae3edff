#!/bin/sh
# Runs the grammar tests: the committed grammar matches its generator, the scope assertions of the
# fixtures, the fixtures for embedded shells when VS Code's grammars are installed under
# .cache/code-server, and the corpus and speed tests.
set -eu
cd "$(dirname "$0")/../.."

node syntaxes/dockerfile.grammar.mjs --check

# The embedded grammars are not given here, so the tool warns "grammar not found" for them.
npx vscode-tmgrammar-test -g syntaxes/dockerfile.tmLanguage.json 'test/grammar/fixtures/*.dockerfile'

extensions=.cache/code-server/node_modules/code-server/lib/vscode/extensions
shell="$extensions/shellscript/syntaxes/shell-unix-bash.tmLanguage.json"
powershell="$extensions/powershell/syntaxes/powershell.tmLanguage.json"
batch="$extensions/bat/syntaxes/batchfile.tmLanguage.json"
if [ -f "$shell" ] && [ -f "$powershell" ] && [ -f "$batch" ]; then
  npx vscode-tmgrammar-test -g syntaxes/dockerfile.tmLanguage.json -g "$shell" -g "$powershell" -g "$batch" \
    'test/grammar/fixtures-embedded/*.dockerfile'
else
  echo "skipped test/grammar/fixtures-embedded: VS Code's shell grammars are not installed under $extensions"
fi

npx mocha --require tsx/cjs 'test/grammar/**/*.test.ts'
