#!/usr/bin/env python3
"""Turns the HIPE-2022 German files (/work/shared/corpora/de/extra) into castlist/1 gold documents for
a check of linking on text it was not built on: mentions with the same Wikidata id are one actor,
NIL mentions one actor per surface (so some merges it counts as errors are right). Canonical names
are not annotated there (the first surface stands in). Usage:

    python3 tests/data/gold/hipe2gold.py OUTDIR /work/shared/corpora/de/extra/HIPE-2022-v2.1-*-de.tsv
    castlist eval OUTDIR/*.json
"""
import json
import os
import sys


def convert(path, outdir):
    docs=[]; cur=None
    for line in open(path, encoding='utf-8'):
        line=line.rstrip('\n')
        if line.startswith('# hipe2022:document_id'):
            cur={'id':line.split('=')[1].strip(),'tokens':[]}; docs.append(cur); continue
        if not line or line.startswith('#') or line.startswith('TOKEN\t'): continue
        f=line.split('\t')
        cur['tokens'].append(f)
    for d in docs:
        text=''; mentions=[]; open_m=None
        def close():
            nonlocal open_m
            if open_m: mentions.append(open_m); open_m=None
        for f in d['tokens']:
            tok, tag, qid, misc = f[0], f[1], f[7], f[9]
            start=len(text); text+=tok; end=len(text)
            if tag.startswith('B-'):
                close(); open_m={'start':start,'end':end,'kind':tag[2:],'qid':qid}
            elif tag.startswith('I-') and open_m:
                open_m['end']=end
            else:
                close()
            if 'NoSpaceAfter' not in misc: text+=' '
        close()
        kinds={'PER':'PER','LOC':'LOC','ORG':'ORG','HumanProd':'MISC'}
        actors={}; out=[]
        for m in mentions:
            if m['kind'] not in kinds: continue
            surface=text[m['start']:m['end']]
            key=m['qid'] if m['qid'] not in ('NIL','_','') else 'NIL:'+surface
            if key not in actors: actors[key]={'id':'a%d'%(len(actors)+1),'name':surface,'kind':kinds[m['kind']],'salience':0.0,'aliases':[]}
            out.append({'start':m['start'],'end':m['end'],'text':surface,'kind':kinds[m['kind']],'form':'name','actor':actors[key]['id'],'origin':'import'})
        if len(out)<3: continue
        doc={'format':'castlist/1','lang':'de','text':text,'blocks':[{'start':0,'end':len(text.rstrip()),'role':'paragraph'}],'actors':list(actors.values()),'mentions':out}
        json.dump(doc, open(os.path.join(outdir, os.path.basename(path)[:-4]+'-'+d['id']+'.json'),'w'), ensure_ascii=False)
for p in sys.argv[2:]: convert(p, sys.argv[1])
