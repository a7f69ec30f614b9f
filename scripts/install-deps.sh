#!/usr/bin/env bash
# Installs the system packages StrategyGov needs on Debian 12, only those that are missing:
#   chromium (PDF printing and browser tests), Arabic fonts, poppler-utils (reading PDFs back in tests),
#   postgresql (tests run against a private throw-away cluster; pass --with-postgresql).
set -euo pipefail

packages=(chromium fonts-noto-core fonts-hosny-amiri poppler-utils)
if [[ "${1:-}" == "--with-postgresql" ]]; then
  packages+=(postgresql)
fi

missing=()
for package in "${packages[@]}"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done

if ((${#missing[@]} > 0)); then
  echo "Installing: ${missing[*]}"
  sudo=""
  if [[ $EUID -ne 0 ]]; then
    command -v sudo >/dev/null || { echo "Run as root (or install sudo) to install: ${missing[*]}" >&2; exit 1; }
    sudo="sudo"
  fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ! command -v dotnet >/dev/null; then
  echo "The .NET SDK 10 is required (https://dot.net); 'dotnet' is not on PATH." >&2
  exit 1
fi
