#!/usr/bin/env python3
"""Builds the castlist/1 gold documents (*.json) from the hand-written annotations in ann/*.ann.

An .ann file names its article (`# source:`) and language (`# lang:`), then lists every name
mention of the article blocks in text order, one a line: surface, kind, form, canonical name of
its actor (tab-separated). The text and its blocks come from `castlist extract` (the ingest
layout), so run `cargo build` first. Each surface is searched from the end of the previous
mention, as a whole word, inside an article block; the script fails loudly when one is missing.

    python3 tests/data/gold/annotate.py            # rewrites tests/data/gold/*.json
"""
import json
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parents[3]
GOLD = pathlib.Path(__file__).resolve().parent
ARTICLE_ROLES = {"title", "paragraph", "heading", "quote", "list"}


def word_char(c):
    return c.isalnum()


def build(ann_path):
    meta, rows = {}, []
    for n, line in enumerate(ann_path.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith("#"):
            key, _, value = line[1:].partition(":")
            if value:
                meta[key.strip()] = value.strip()
            continue
        if not line.strip():
            continue
        fields = line.split("\t")
        if len(fields) != 4:
            sys.exit(f"{ann_path}:{n}: expected 4 tab-separated fields, got {len(fields)}")
        rows.append((n, *fields))
    source = meta["source"]
    out = subprocess.run(
        [str(ROOT / "target/debug/castlist"), "extract", source, "--lang", meta["lang"]],
        cwd=ROOT, capture_output=True, text=True, check=True,
    ).stdout
    doc = json.loads(out)
    text = doc["text"]
    article = [(b["start"], b["end"]) for b in doc["blocks"] if b["role"] in ARTICLE_ROLES]

    def in_article(s, e):
        return any(bs <= s and e <= be for bs, be in article)

    actors, mentions, cursor = {}, [], 0
    for n, surface, kind, form, name in rows:
        pos = cursor
        while True:
            i = text.find(surface, pos)
            if i < 0:
                sys.exit(f"{ann_path}:{n}: {surface!r} not found after offset {cursor}")
            j = i + len(surface)
            before = text[i - 1] if i > 0 else " "
            after = text[j] if j < len(text) else " "
            if not word_char(before) and not word_char(after) and in_article(i, j):
                break
            pos = i + 1
        if name not in actors:
            actors[name] = {"id": f"a{len(actors) + 1}", "name": name, "kind": kind,
                            "salience": 0.0, "aliases": set()}
        actors[name]["aliases"].add(surface)
        mentions.append({"start": i, "end": j, "text": surface, "kind": kind, "form": form,
                         "actor": actors[name]["id"], "origin": "user"})
        cursor = j
    for a in actors.values():
        a["aliases"] = sorted(a["aliases"])
    doc.update(source=source, lang=meta["lang"], actors=list(actors.values()),
               mentions=mentions)
    doc["format"] = "castlist/1"
    target = GOLD / (ann_path.stem + ".json")
    target.write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{target.relative_to(ROOT)}: {len(mentions)} mentions, {len(actors)} actors")


for path in sorted((GOLD / "ann").glob("*.ann")):
    build(path)
