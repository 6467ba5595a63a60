"""Reads JSON Lines records and prints, per container (the id's part before '/', or the file of
an id FILE#INDEX), how many records it gave and whether each scored as its .txt."""
import json
import sys

NAMELESS = {"noid.json#1": "en-mle-mlops-fintech"}  # make.py: noid.json's element without an id
txt, groups = {}, {}
for path in sys.argv[1:]:
    for line in open(path):
        r = json.loads(line)
        rid = r["id"]
        if rid.endswith(".txt"):
            txt[rid.rsplit("/", 1)[1][:-4]] = r["score"]
            continue
        container = rid.split("/")[0] if "/" in rid else rid.split("#")[0].removesuffix(".json")
        groups.setdefault(container, []).append((rid, r.get("score"), r.get("error")))
for container, recs in groups.items():
    out = []
    for rid, score, error in recs:
        name = NAMELESS.get(rid, rid.partition("/")[2])
        if error:
            out.append(f"{rid} error {error['kind']}")
        elif name in txt:
            same = "same as .txt" if score == txt[name] else f"{score} vs .txt {txt[name]}"
            out.append(f"{rid if rid in NAMELESS else name} ({name}) {same}" if rid in NAMELESS else f"{name} {same}")
        else:
            out.append(f"{rid} {score}")
    print(f"{container}: {len(recs)} record{'s' if len(recs) != 1 else ''}: " + "; ".join(out))
