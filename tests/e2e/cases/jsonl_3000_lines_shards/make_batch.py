# Writes a JSON Lines batch of N postings made from samples/ (varied: each gets its own id, a
# reference line and every 7th one a CRLF and an extra sentence), with line BAD malformed (cut
# off mid-string after its id, as a truncated export would be).
#   python3 make_batch.py SAMPLES_DIR N BAD > batch.jsonl
import glob, json, os, sys

samples, n, bad = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
texts = [open(f, encoding="utf-8").read() for f in sorted(glob.glob(os.path.join(samples, "*.txt")))]
out = sys.stdout
for i in range(1, n + 1):
    lines = texts[i % len(texts)].split("\n")
    body = "\n".join(lines[1:]) + f"\nReferenz {i}\n"
    if i % 7 == 0:
        body = body.replace("\n", "\r\n") + "Python und Statistik sind ein Plus.\n"
    record = {"id": f"p{i:05d}", "title": lines[0], "text": body}
    line = json.dumps(record, ensure_ascii=(i % 2 == 0))
    if i == bad:
        line = line[: line.index('"text": "') + 30]
    out.write(line + "\n")
