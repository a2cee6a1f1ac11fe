#!/usr/bin/env bash
# Installs the system packages PolicyLens needs on Debian, and makes OpenBLAS the
# provider of libblas.so.3 / liblapack.so.3 (about 25× faster dgemm than reference BLAS).
# Reading documents: poppler-utils (pdftotext, for PDF), libxml2-dev (the HTML parser) and
# libopencc-dev (traditional → simplified folding, with OpenCC's Taiwan and Hong Kong tables).
# python3-venv: the serve check installs schemathesis into a virtual environment.
# Idempotent: does nothing when everything is already there.
set -euo pipefail

packages=(libblas-dev liblapack-dev libopenblas0-pthread python3-jieba python3-venv pkg-config poppler-utils libxml2-dev libopencc-dev)
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "setup: installing ${missing[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if ! command -v swift >/dev/null 2>&1; then
  echo "setup: the Swift toolchain (6.1 or newer) is not on PATH; install it from swift.org and retry." >&2
  exit 1
fi
