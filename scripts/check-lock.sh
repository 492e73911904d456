#!/usr/bin/env bash
# Fails when package-lock.json is not what `npm install` would write for
# package.json (after `npm install` on a fresh clone, `git status` must be
# clean). `npm ci` does not notice a lock whose root entry has drifted (a
# dependency moved to devDependencies, a new `bin`), so npm recomputes the lock
# here and any changed byte is reported; the committed lock is put back.
# Usage: scripts/check-lock.sh [folder holding package.json]   (default: the repository)
set -euo pipefail
cd "${1:-$(dirname "$0")/..}"
saved="$(mktemp)"
trap 'cp "$saved" package-lock.json; rm -f "$saved"' EXIT
cp package-lock.json "$saved"
npm install --package-lock-only --ignore-scripts --no-audit --no-fund --prefer-offline >/dev/null
if ! cmp -s package-lock.json "$saved"; then
  echo "package-lock.json is out of step with package.json; run npm install and commit package-lock.json:" >&2
  diff -u "$saved" package-lock.json >&2 || true
  exit 1
fi
