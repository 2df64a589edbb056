#!/bin/sh
# Fetches spacy-lookups-data 1.0.5 (MIT licence, ExplosionAI GmbH) from PyPI, checks the wheel
# against its pinned SHA-256, and converts the Brown clusters and log probabilities of German and
# English words into one TSV file per language, which `castlist train --lexemes FILE` reads:
#
#   word <TAB> cluster <TAB> log probability      (most probable words first)
#
# The cluster is spaCy's integer: the Brown-tree path read from its lowest bit (the first step of
# the path is bit 0; 0 = no cluster). Keys are case-sensitive, as in the package.
#
# Usage: assets/models/fetch_spacy_lookups.sh [OUT_DIR]    (default: target/spacy-lookups)
# Needs: pip (or python3 -m pip), python3, unzip-free (python's zipfile is used).
set -eu

VERSION=1.0.5
SHA256=466f21f087e4144bc93800679437ec5a17be7d0888734b1ba880b3ecb0978bc6
WHEEL=spacy_lookups_data-$VERSION-py2.py3-none-any.whl
OUT=${1:-target/spacy-lookups}

mkdir -p "$OUT"
if [ ! -f "$OUT/$WHEEL" ]; then
    python3 -m pip download --quiet --no-deps --only-binary=:all: \
        "spacy-lookups-data==$VERSION" --dest "$OUT"
fi
echo "$SHA256  $OUT/$WHEEL" | sha256sum --check --quiet || {
    echo "error: $OUT/$WHEEL does not have the pinned SHA-256 $SHA256; delete it and run again" >&2
    exit 1
}

python3 - "$OUT/$WHEEL" "$OUT" <<'PY'
import gzip, json, sys, zipfile

wheel, out = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(wheel) as z:
    for lang in ("de", "en"):
        def load(kind):
            name = f"spacy_lookups_data/data/{lang}_lexeme_{kind}.json.gz"
            return json.loads(gzip.decompress(z.read(name)))
        clusters, probs = load("cluster"), load("prob")
        words = sorted(probs, key=lambda w: (-probs[w], w))
        path = f"{out}/{lang}_lexemes.tsv"
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            for w in words:
                # A handful of keys hold whitespace or control characters: no token has them.
                if not w or any(c.isspace() or ord(c) < 32 for c in w):
                    continue
                f.write(f"{w}\t{clusters.get(w, 0)}\t{probs[w]:.4f}\n")
        print(f"{path}: {len(words)} words")
PY
