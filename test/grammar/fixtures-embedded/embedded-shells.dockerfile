# SYNTAX TEST "source.dockerfile.advisor" "shell, PowerShell and cmd highlighting from the grammars VS Code ships"
FROM debian
RUN apt-get update && apt-get install -y curl
#   ^^^^^^^ meta.embedded.line.shellscript entity.name.command.dockerfile
#                  ^^ punctuation.separator.statement.and.shell
#                     ^^^^^^^ entity.name.command.shell
RUN \
    if [ -z "${TARGETARCH}" ]; then \
#   ^^ keyword.control.if.shell
#                              ^^^^ keyword.control.then.shell
        echo "TARGETARCH is not set" && exit 1; \
#       ^^^^ support.function.builtin.shell
    fi
#   ^^ keyword.control.fi.shell
RUN <<EOF
# <--- keyword.other.instruction.dockerfile - meta.embedded.line.shellscript
if true; then
# <-- meta.embedded.block.shellscript meta.scope.if-block.shell keyword.control.if.shell
  echo "multi
#       ^^^^^ string.quoted.double.shell
line"
# <---- meta.embedded.block.shellscript string.quoted.double.shell
fi
# <-- keyword.control.fi.shell
EOF
# <--- keyword.control.heredoc-token.dockerfile - meta.embedded.block.shellscript
RUN <<EOF
echo "a string the terminator must close
# <---- meta.embedded.block.shellscript
EOF
# <--- keyword.control.heredoc-token.dockerfile - string.quoted.double.shell
SHELL ["powershell", "-Command"]
# <----- keyword.other.instruction.dockerfile
RUN Write-Host $env:PATH
# <--- keyword.other.instruction.dockerfile - meta.embedded.line.powershell
#   ^^^^^^^^^^ meta.embedded.line.powershell support.function.powershell
#              ^ variable.other.readwrite.powershell
SHELL ["cmd", "/S", "/C"]
# <----- keyword.other.instruction.dockerfile
RUN echo %PATH%
#   ^^^^ meta.embedded.line.bat keyword.command.batchfile
#        ^ variable.other.readwrite.batchfile
USER nobody
# <---- keyword.other.instruction.dockerfile - meta.embedded.line.bat
