#!/usr/bin/env bash
# Installs code-server (a real VS Code) and Chromium for the end-to-end tests, cached in .cache/code-server.
#
# The npm package's own postinstall downloads ripgrep from GitHub, which these machines
# cannot reach, so the steps of its postinstall are done here one by one with Debian's
# ripgrep instead. A stamp file records a finished install of this exact version; a second
# run only re-checks that the native modules are still there.
set -euo pipefail

readonly CODE_SERVER_VERSION="4.100.3"
readonly DEBIAN_PACKAGES=(libkrb5-dev ripgrep chromium)
readonly VSCODE_NATIVE_MODULES=(kerberos @parcel/watcher @vscode/spdlog native-watchdog node-pty)

project_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
install_dir="${CODE_SERVER_INSTALL_DIR:-$project_root/.cache/code-server}"
stamp_file="$install_dir/.installed-$CODE_SERVER_VERSION"
code_server_dir="$install_dir/node_modules/code-server"
vscode_dir="$code_server_dir/lib/vscode"

log() { printf '[install-code-server] %s\n' "$*" >&2; }

# Native modules whose compiled addon must exist, as "folder-of-node_modules module".
native_module_roots() {
  local module
  for module in "${VSCODE_NATIVE_MODULES[@]}"; do
    printf '%s %s\n' "$vscode_dir/node_modules" "$module"
  done
  printf '%s %s\n' "$install_dir/node_modules" argon2
}

# An npm rebuild that silently skipped its script leaves no .node file behind; this catches it.
# The trailing * also covers prebuilt addons shipped as sibling packages (@parcel/watcher-linux-x64-glibc).
native_modules_present() {
  local root module found
  while read -r root module; do
    found="$(find "$root/$module"* -name '*.node' -print -quit 2>/dev/null || true)"
    if [[ -z "$found" ]]; then
      log "missing compiled addon for $module under $root"
      return 1
    fi
  done < <(native_module_roots)
}

missing_debian_packages() {
  local package
  for package in "${DEBIAN_PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
      printf '%s\n' "$package"
    fi
  done
}

install_debian_packages() {
  local missing
  mapfile -t missing < <(missing_debian_packages)
  if ((${#missing[@]} == 0)); then
    return
  fi
  local apt_prefix=()
  if [[ "$(id -u)" != 0 ]]; then
    apt_prefix=(sudo)
  fi
  log "installing Debian packages: ${missing[*]}"
  "${apt_prefix[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${apt_prefix[@]}" apt-get install -y -qq "${missing[@]}"
}

install_code_server() {
  mkdir -p "$install_dir"
  if [[ ! -f "$install_dir/package.json" ]]; then
    printf '{ "private": true, "description": "code-server for the end-to-end tests (see scripts/install-code-server.sh)" }\n' \
      >"$install_dir/package.json"
  fi
  local npm_quiet=(--no-audit --no-fund --loglevel=error)

  log "npm install code-server@$CODE_SERVER_VERSION (scripts off)"
  (cd "$install_dir" && npm install "${npm_quiet[@]}" --ignore-scripts "code-server@$CODE_SERVER_VERSION")

  log "installing VS Code's own dependencies"
  (cd "$vscode_dir" && npm install "${npm_quiet[@]}" --omit=dev --ignore-scripts)

  # Stands in for @vscode/ripgrep's postinstall, which downloads the binary.
  mkdir -p "$vscode_dir/node_modules/@vscode/ripgrep/bin"
  cp /usr/bin/rg "$vscode_dir/node_modules/@vscode/ripgrep/bin/rg"

  log "building VS Code's native modules"
  (cd "$vscode_dir" && npm_config_yes=true npm rebuild "${npm_quiet[@]}" "${VSCODE_NATIVE_MODULES[@]}")
  ln -sfn node_modules "$vscode_dir/node_modules.asar"

  log "installing the built-in extensions' dependencies"
  (cd "$vscode_dir/extensions" && npm install "${npm_quiet[@]}" --omit=dev --ignore-scripts)

  log "building argon2"
  (cd "$install_dir" && npm rebuild "${npm_quiet[@]}" argon2)
}

main() {
  if [[ -f "$stamp_file" ]] && [[ -z "$(missing_debian_packages)" ]] && native_modules_present; then
    log "code-server $CODE_SERVER_VERSION already installed in $install_dir"
    printf '%s\n' "$code_server_dir"
    return
  fi
  local started=$SECONDS
  rm -f "$install_dir"/.installed-*
  install_debian_packages
  install_code_server
  if ! native_modules_present; then
    log "a native module did not build; see the npm output above"
    exit 1
  fi
  printf '%s\n' "$CODE_SERVER_VERSION" >"$stamp_file"
  log "code-server $CODE_SERVER_VERSION installed in $((SECONDS - started)) s"
  printf '%s\n' "$code_server_dir"
}

main "$@"
