#!/usr/bin/env bash
# Installs the project as a newcomer's bare machine would: a fresh clone, and a PATH on which the compilers,
# Python, make and pkg-config exit 127 (and pkg-config finds no .pc files), so that any dependency needing a
# native build fails here. Then runs the demo.
# Usage: bash scripts/bare-install-check.sh [DIR]   (default: a new temporary folder)
set -euo pipefail
src="$(cd "$(dirname "$0")/.." && pwd)"
dir="${1:-$(mktemp -d)}"
bin="$dir/bare-bin"
mkdir -p "$bin"
hidden='^(cc|c\+\+|gcc|g\+\+|clang|clang\+\+|make|gmake|cmake|python|python3|python3\..*|pkg-config|.*-linux-gnu-.*)$'
for d in /usr/local/bin /usr/bin /bin; do
  for f in "$d"/*; do
    name="$(basename "$f")"
    [[ "$name" =~ $hidden ]] && continue
    [ -e "$bin/$name" ] || ln -s "$f" "$bin/$name"
  done
done
for tool in cc c++ gcc g++ clang make python python3 pkg-config; do
  printf '#!/bin/sh\necho "%s: not on this machine" >&2\nexit 127\n' "$tool" >"$bin/$tool"
  chmod +x "$bin/$tool"
done
git clone -q "$src" "$dir/clone"
cd "$dir/clone"
for tool in gcc g++ cc make python3 pkg-config; do
  if PATH="$bin" "$tool" --version >/dev/null 2>&1 || [ $? -ne 127 ]; then
    echo "未能隐藏 $tool" >&2
    exit 1
  fi
done
export PKG_CONFIG_LIBDIR=/nonexistent
start=$(date +%s)
PATH="$bin" npm_config_python=/nonexistent npm ci
end=$(date +%s)
PATH="$bin" npm run demo
echo "npm ci: $((end - start)) s; node_modules: $(du -sh node_modules | cut -f1)"
