"""Writes sample postings (FILE.txt...) in JSON containers into the current folder; each record's
id is CONTAINER/NAME, its text the whole .txt (title line included), so its score is that of
the .txt."""
import json
import os
import sys

posts = [(os.path.splitext(os.path.basename(p))[0], open(p, encoding="utf-8").read()) for p in sys.argv[1:]]


def records(container):
    return [{"id": container + "/" + name, "text": text} for name, text in posts]


with open("postings.json", "w") as f:  # one array, on one line
    json.dump(records("array"), f, ensure_ascii=False)
with open("single.json", "w") as f:  # one object, pretty-printed over many lines
    json.dump(records("single")[0], f, ensure_ascii=False, indent=2)
for container in ["ndjson", "gz", "xz", "bz2", "zst"]:
    with open(container + ".ndjson" if container == "ndjson" else container + ".jsonl", "w") as f:
        for r in records(container):
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
with open("nested.jsonl", "w") as f:  # fields inside an object, and other fields around them
    for r in records("nested"):
        f.write(json.dumps({"source": "board", "job": {"id": r["id"], "description": r["text"]}}) + "\n")
with open("noid.json", "w") as f:  # the second element has no id: it is noid.json#1
    json.dump([records("noid")[0], {"text": posts[1][1]}], f, ensure_ascii=False)
# A title field: the record's title, and the text then has no title line of its own.
with open("titled.jsonl", "w") as f:
    for name, text in posts:
        title, _, body = text.partition("\n")
        f.write(json.dumps({"id": "titled/" + name, "title": title, "text": body.lstrip("\n")}) + "\n")
