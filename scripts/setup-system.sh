#!/usr/bin/env bash
# Installs the Debian packages the tests use, when they are missing: LibreOffice Calc (the independent
# spreadsheet engine) and Writer (it prints the letters' .docx to PDF), poppler-utils (PDF → PNG), Chromium
# (the task pane in a real browser), a CJK font, xmllint (manifest check), and Python's openpyxl with PIL
# (another program's .xlsx files, with a chart and a picture, for the tests of SPEC 7). Nothing here is needed
# to install the project or run the CLI: `npm ci` builds nothing natively.
set -euo pipefail
need=()
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-calc)
dpkg -s libreoffice-writer >/dev/null 2>&1 || need+=(libreoffice-writer)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v xmllint >/dev/null 2>&1 || need+=(libxml2-utils)
fonts=$(fc-list 2>/dev/null || true)
grep -qiE "wenquanyi|noto sans cjk" <<<"$fonts" || need+=(fonts-wqy-microhei)
dpkg -s python3-openpyxl >/dev/null 2>&1 || need+=(python3-openpyxl)
dpkg -s python3-pil >/dev/null 2>&1 || need+=(python3-pil)
[ ${#need[@]} -eq 0 ] && exit 0
sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo -n"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q
$sudo apt-get install -y -q "${need[@]}"
