"""Reads the JSON Lines of one run over the same ads in every format and prints, per ad, the
score of each format and whether all are within 1 point of the .txt; then checks that every
evidence span points at its words."""
import html
import json
import os
import re
import sys

FORMATS = ["txt", "md", "html", "pdf", "docx"]
records = {}
for line in open(sys.argv[1], encoding="utf-8"):
    r = json.loads(line)
    stem, ext = os.path.splitext(os.path.basename(r["id"]))
    records[(stem, ext[1:])] = r


def norm(s):
    return re.sub(r"\s+", " ", s).strip().casefold()


for stem in sorted({s for s, _ in records}):
    txt = records[(stem, "txt")]
    scores = {f: records[(stem, f)].get("score") for f in FORMATS}
    errors = [f + ": " + records[(stem, f)]["error"]["message"] for f in FORMATS if "error" in records[(stem, f)]]
    within = all(s is not None and abs(s - txt["score"]) <= 1 for s in scores.values())
    print(stem + ":", " ".join(f"{f} {scores[f]:.1f}" if scores[f] is not None else f"{f} -" for f in FORMATS),
          "| within 1 point of txt:", "yes" if within else "NO", *errors)
    for f in FORMATS[1:]:
        if records[(stem, f)].get("title") != txt["title"]:
            print(f"  {f} title differs from txt: {records[(stem, f)].get('title')!r}")
    source = open(os.path.join(sys.argv[2], stem + ".txt"), encoding="utf-8").read()
    for f in FORMATS:
        r = records[(stem, f)]
        data = open(os.path.join(sys.argv[2], stem + "." + f), "rb").read()
        bad = []
        n = 0
        for m in r.get("matched", []):
            for s in m["spans"]:
                n += 1
                if f in ("pdf", "docx"):
                    ok = "text_start" in s and "start" not in s and norm(s["text"]) in norm(source)
                    ok = ok and (s.get("page", 0) >= 1 if f == "pdf" else "page" not in s)
                else:
                    got = data[s["start"]:s["end"]].decode("utf-8")
                    if f == "html":
                        got = html.unescape(got)
                    ok = norm(got) == norm(s["text"])
                if not ok:
                    bad.append((m["concept"], s))
        print(f"  {f}: {n} spans, {len(bad)} off", *bad[:3])
