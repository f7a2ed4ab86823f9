#!/usr/bin/env bash
# Installs the Debian 12 packages dsaudit needs to build, test and benchmark,
# skipping the ones already there. Run as root (or with sudo available).
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git python3
  libgtest-dev libgmock-dev libbenchmark-dev
  libfmt-dev libcli11-dev libsimdjson-dev libutf8proc-dev libtomlplusplus-dev
  libre2-dev libssl-dev zlib1g-dev libexpat1-dev libyaml-cpp-dev libdtl-dev
  libhttp-parser-dev libgit2-dev nginx openssl
  clang libclang-rt-14-dev
  unicode-data python3-jsonschema
)
# Only the tests need a browser (the HTML reports are rendered in headless Chromium).
if [[ "${1:-}" == "--test" ]]; then
  packages+=(chromium)
fi
if [[ "${1:-}" == "--bench" ]]; then
  packages+=(hyperfine time wrk goaccess flake8 pylint bandit nodejs npm)
fi
if [[ "${1:-}" == "--parity" ]]; then
  packages+=(python3-numpy python3-pandas python3-sklearn)
fi

missing=()
for package in "${packages[@]}"; do
  # npm also comes with Node.js from other sources (nodesource, nvm), whose
  # nodejs package conflicts with Debian's npm: a working npm is enough.
  [[ "$package" == npm ]] && command -v npm >/dev/null && continue
  status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$package")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

echo "dsaudit: installing ${missing[*]}" >&2
sudo=""
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || { echo "dsaudit: need root to install: ${missing[*]}" >&2; exit 1; }
  sudo=sudo
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
