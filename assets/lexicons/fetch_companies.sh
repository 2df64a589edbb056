#!/bin/sh
# Writes assets/lexicons/companies.txt from the company-name dictionary of CSpell
# (npm @cspell/dict-companies 3.2.14, MIT licence, Street Side Software): the names that start
# with a capital letter or a digit and have three characters or more (the package also holds
# lower-case words and one- and two-letter stock symbols, which are not names).
#
# Usage: assets/lexicons/fetch_companies.sh [WORK_DIR]    (default: target/cspell-companies)
# Needs: npm, tar, awk, sort, sha256sum.
set -eu

VERSION=3.2.14
SHA256=8579329ea9e0e9ab1bb02305d765afe7e519001da696ef3947169e964297bab7
WORK=${1:-target/cspell-companies}
OUT=$(dirname "$0")/companies.txt
TGZ=$WORK/cspell-dict-companies-$VERSION.tgz

mkdir -p "$WORK"
if [ ! -f "$TGZ" ]; then
    (cd "$WORK" && npm pack --silent "@cspell/dict-companies@$VERSION" >/dev/null)
fi
echo "$SHA256  $TGZ" | sha256sum --check --quiet || {
    echo "error: $TGZ does not have the pinned SHA-256 $SHA256; delete it and run again" >&2
    exit 1
}
tar xzf "$TGZ" -C "$WORK"
{
    echo "#name (organisation names from npm @cspell/dict-companies $VERSION, MIT; see SOURCES.md)"
    grep -v '^#' "$WORK/package/dict/companies.txt" |
        LC_ALL=C awk 'length($0) > 2 && /^[[:upper:][:digit:]]/' | LC_ALL=C sort -u
} >"$OUT"
echo "wrote $OUT ($(grep -vc '^#' "$OUT") names)"
