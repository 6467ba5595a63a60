# Writes one JSON line to jobmatch's standard input, waits (10 s at most) for its record on
# standard output while standard input stays open, then writes the next line. Prints what came.
#   python3 stream.py JOBMATCH [--format jsonl|tsv] [more score options]
import json, os, select, subprocess, sys, time

binary, args = sys.argv[1], sys.argv[2:]
fmt = "jsonl"
if "--format" in args:
    fmt = args[args.index("--format") + 1]
else:
    args += ["--format", "jsonl"]
p = subprocess.Popen([binary, "score", "--input-format", "jsonl"] + args + ["-"],
                     stdin=subprocess.PIPE, stdout=subprocess.PIPE)
lines = [
    {"id": "a", "title": "ML Engineer", "text": "Python and machine learning."},
    {"id": "b", "title": "Koch", "text": "Wir suchen einen Koch."},
    {"id": "c", "title": "Data Scientist", "text": "Statistics and SQL."},
]
buf = b""


def next_line():
    global buf
    deadline = time.time() + 10
    while b"\n" not in buf:
        ready, _, _ = select.select([p.stdout], [], [], max(0, deadline - time.time()))
        if not ready:
            return None
        chunk = os.read(p.stdout.fileno(), 65536)
        if not chunk:
            return None
        buf += chunk
    line, buf = buf.split(b"\n", 1)
    return line.decode()


for want in lines:
    p.stdin.write((json.dumps(want) + "\n").encode())
    p.stdin.flush()
    line = next_line()
    if fmt == "tsv" and line is not None and line.startswith("id\t"):
        line = next_line()  # the header
    if line is None:
        print(f"{fmt}: no record for {want['id']} within 10 s while standard input is open")
        p.kill()
        sys.exit(1)
    got = json.loads(line)["id"] if fmt == "jsonl" else line.split("\t")[0]
    print(f"{fmt} {' '.join(args)}: record {got} arrived before the next line was written")
p.stdin.close()
rest = p.stdout.read()
print("after end of input:", len(rest), "more bytes, exit", p.wait())
