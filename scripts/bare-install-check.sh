#!/usr/bin/env bash
# Installs the project as a newcomer's bare machine would: a fresh clone, and a PATH without compilers,
# Python, make or pkg-config, so that any dependency needing a native build fails here. Then runs the demo.
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
git clone -q "$src" "$dir/clone"
cd "$dir/clone"
for tool in gcc g++ cc make python3 pkg-config; do
  if PATH="$bin" command -v "$tool" >/dev/null; then
    echo "未能隐藏 $tool" >&2
    exit 1
  fi
done
start=$(date +%s)
PATH="$bin" npm_config_python=/nonexistent npm ci
end=$(date +%s)
PATH="$bin" npm run demo
echo "npm ci: $((end - start)) s; node_modules: $(du -sh node_modules | cut -f1)"
