"""Runs jobmatch on the inputs generate.py wrote and checks every record; prints a stable summary."""
import csv, io, json, os, subprocess, sys

jobmatch, tmp = sys.argv[1], sys.argv[2]
os.chdir(tmp)
expect = json.load(open("expect.json"))
MANY = 100_000
failures = []


def fail(msg):
    failures.append(msg)


def run(args, timeout=600):
    p = subprocess.run([jobmatch] + args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout)
    return p.returncode, p.stdout, p.stderr


def kind(r):
    return r["error"]["kind"] if "error" in r else "score"


# 0. Memory does not grow with the number of files: a run over many/ alone, measured by wait4
# first, while this process is small (a child's peak RSS includes its parent's at fork).
p = subprocess.Popen([jobmatch, "score", "--format", "jsonl", "many"], stdout=subprocess.DEVNULL)
_, status, usage = os.wait4(p.pid, 0)
rss_mib = usage.ru_maxrss // 1024
sanitized = b"__asan_init" in open(jobmatch, "rb").read()  # ASan's shadow memory and quarantine
limit = 1024 if sanitized else 128
memory_line = "memory for 100,000 files stays modest: %s" % (rss_mib < limit)
if rss_mib >= limit or status != 0:
    fail("max RSS %d MiB (limit %d), status %d" % (rss_mib, limit, status))


# 1. JSON Lines over everything: one valid record per input.
base = ["--max-bytes", "6000000"]
code, out, err = run(["score", "--format", "jsonl"] + base + ["in", "pipe.txt", "missing.txt", "many"])
print("score exit", code)
# The one file of another type is not read, and not passed over in silence either; before that
# note, one line for each input that could not be read (counted against the records below).
skip_note = b"jobmatch: skipped 1 file of other types: in/fs/skipped.xlsx (--ext to include them)\n"
print("file of another type named on stderr:", err.endswith(skip_note))
if not err.endswith(skip_note):
    fail("stderr: %r" % err[-200:])
error_lines = err[: len(err) - len(skip_note)].split(b"\n")[:-1]
lines = out.split(b"\n")
if lines[-1] != b"":
    fail("output does not end with a newline")
lines = lines[:-1]
records = {}
valid = True
for n, line in enumerate(lines, 1):
    try:
        text = line.decode("utf-8")  # strict: any invalid byte fails
    except UnicodeDecodeError as e:
        fail("record %d is not UTF-8: %s" % (n, e))
        valid = False
        continue
    if any(ord(c) < 0x20 for c in text):
        fail("record %d has a raw control character" % n)
        valid = False
    r = json.loads(text)
    if r["id"] in records:
        fail("duplicate id %r" % r["id"])
    records[r["id"]] = r
want_count = len(expect) + MANY
silent = sum(1 for spec in expect.values() if spec.get("silent"))  # depends on who runs the test
print("inputs: %d, records: %d, valid UTF-8 JSON: %s" % (want_count - silent, len(lines) - silent, valid))
if len(lines) != want_count:
    fail("%d records for %d inputs" % (len(lines), want_count))
error_ids = [r["id"] for r in records.values() if "error" in r]
print("a line on stderr for each error record:", len(error_lines) == len(error_ids))
if len(error_lines) != len(error_ids) or not all(l.startswith(b"jobmatch: ") for l in error_lines):
    fail("%d lines on stderr for %d error records" % (len(error_lines), len(error_ids)))

twins = {}
for id_, spec in sorted(expect.items()):
    r = records.get(id_)
    if r is None:
        fail("no record for %r" % id_)
        continue
    k = kind(r)
    if k != spec["want"]:
        fail("%r: %s, expected %s (%s)" % (id_, k, spec["want"], r.get("error")))
    shown = [k]
    if "encoding" in spec:
        shown.append(r.get("encoding"))
        if r.get("encoding") != spec["encoding"]:
            fail("%r: encoding %s, expected %s" % (id_, r.get("encoding"), spec["encoding"]))
    if "warning" in spec and spec["warning"] not in r.get("warnings", []):
        fail("%r: warnings %r" % (id_, r.get("warnings")))
    if "warning_prefix" in spec and not any(w.startswith(spec["warning_prefix"]) for w in r.get("warnings", [])):
        fail("%r: warnings %r" % (id_, r.get("warnings")))
    if "title" in spec and r.get("title") != spec["title"]:
        fail("%r: title %r" % (id_, r.get("title")))
    if spec.get("silent"):
        continue
    if "twin" in spec:
        sig = (r["score"], [(m["concept"], [s["text"] for s in m["spans"]]) for m in r["matched"]])
        twins.setdefault(spec["twin"], []).append((id_, sig))
    print(json.dumps(id_), "->", " ".join(str(s) for s in shown))
for name, members in sorted(twins.items()):
    sigs = {json.dumps(sig) for _, sig in members}
    print("twins %s: %d files, %s" % (name, len(members), "same score and evidence" if len(sigs) == 1 else "DIFFER"))
    if len(sigs) != 1:
        fail("twins %s differ: %r" % (name, members))
print(memory_line)
many = [r for i, r in records.items() if i.startswith("many/")]
print("many/: %d records, %d scored" % (len(many), sum(kind(r) == "score" for r in many)))
if len(many) != MANY or any(kind(r) != "score" for r in many):
    fail("many/ is not all scored")
# 2. Terminal formats: no control characters, no bidi controls.
def terminal_safe(name, data):
    text = data.decode("utf-8")
    bad = sorted({hex(ord(c)) for c in text if (ord(c) < 0x20 and c != "\n") or 0x7F <= ord(c) <= 0x9F
                  or 0x202A <= ord(c) <= 0x202E or 0x2066 <= ord(c) <= 0x2069})
    print("%s: no control or bidi characters: %s" % (name, not bad))
    if bad:
        fail("%s shows %s" % (name, bad))


code, out, err = run(["score", "--format", "table", "--color", "never"] + base + ["in"])
terminal_safe("table", out)
code, out, err = run(["explain", "--color", "never", "in/content/escapes.txt", "in/content/bidi.txt",
                      "in/fs/esc\x1b[31mname.txt", "in/postings.jsonl"])
terminal_safe("explain", out)

# 3. One JSON array (long_line.txt too large here: its 480,000 spans make a slow 48 MB record).
code, out, err = run(["score", "--format", "json", "--max-bytes", "1000000", "in"])
arr = json.loads(out.decode("utf-8"))
print("json: one array of %d records" % len(arr))

# 4. Spreadsheets: every row has every column, and no cell starts a formula.
for fmt in ("csv", "tsv"):
    code, out, err = run(["score", "--format", fmt] + base + ["in"])
    text = out.decode("utf-8")
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter="," if fmt == "csv" else "\t",
                           quoting=csv.QUOTE_MINIMAL if fmt == "csv" else csv.QUOTE_NONE))
    widths = {len(r) for r in rows}
    formulas = [c for r in rows for c in r if len(c) > 1 and c[0] in "=+-@\t\r"]
    quoted = sorted(r[3] for r in rows[1:] if r[3].startswith("'"))
    print("%s: %d rows, all %s columns, formula cells: %d, neutralised titles: %s"
          % (fmt, len(rows) - 1, "the same" if len(widths) == 1 else "NOT the same", len(formulas), quoted))
    if len(widths) != 1 or formulas or len(rows) - 1 != len(arr):
        fail("%s broken: widths %s, formulas %r" % (fmt, widths, formulas))

# 5. A reader that goes away: quiet, exit 0.
p = subprocess.Popen([jobmatch, "score", "--format", "jsonl", "many"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
first = p.stdout.readline()
p.stdout.close()
perr = p.stderr.read()
code = p.wait(timeout=300)
print("closed pipe after one record: exit %d, stderr %r" % (code, perr))

if failures:
    for f in failures:
        print("FAIL:", f)
    sys.exit(1)
