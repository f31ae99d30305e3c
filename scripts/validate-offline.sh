#!/usr/bin/env bash
# Checks manifest.xml, and the built dist/web/manifest.xml when there is one, against Microsoft's published
# manifest XSDs and our rules, offline (../shared/manifest-check.sh; `npm run validate` asks Microsoft's service).
set -euo pipefail
cd "$(dirname "$0")/.."
check=../shared/manifest-check.sh
if [ ! -f "$check" ]; then
  echo "找不到 $check：离线校验需要项目旁的 shared 目录（可改用 npm run validate，需联网）" >&2
  exit 2
fi
for manifest in manifest.xml dist/web/manifest.xml; do
  [ -f "$manifest" ] || continue
  printf '%s: ' "$manifest"
  bash "$check" "$manifest"
done
