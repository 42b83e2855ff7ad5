#!/usr/bin/env bash
# One-command set-up on a fresh Debian machine with Node 20: Jupyter, Chromium and CJK fonts from Debian packages,
# the npm packages from the lockfile, the build, the tslab kernel; then the default scenario is run.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=0
/usr/bin/python3 -c 'import nbconvert, nbclient, ipykernel, jupyter_client' 2>/dev/null || need_apt=1
[ -x /usr/bin/chromium ] || need_apt=1
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || need_apt=1
if [ "$need_apt" = 1 ]; then
  SUDO=""
  [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq \
    jupyter-notebook python3-nbconvert python3-nbclient jupyter-client python3-ipykernel chromium fonts-noto-cjk >/dev/null
fi

npm ci --no-audit --no-fund
npm run build
# The kernel starts tslab from this checkout, so it works without tslab on PATH.
node_modules/.bin/tslab install --python=/usr/bin/python3 --binary="$PWD/node_modules/.bin/tslab"

# The main job: the built-in default scenario, results and report in out/default.
node bin/yibao.cjs run --out out/default
