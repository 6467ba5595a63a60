"""Writes the hostile inputs into TMP/in (one folder), TMP/many (100,000 small postings),
TMP/pipe.txt (a FIFO the case writes to) and TMP/expect.json (what each input must give)."""
import json, os, sys

tmp = sys.argv[1].encode()
root = os.path.join(tmp, b"in")
os.makedirs(root)
expect = {}  # id (as bytes, escaped the way jobmatch shows it) -> expected record summary


def put(name, data, want, **checks):
    path = os.path.join(root, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode())
    if want:  # None: not an input (hidden, another extension, or a JSON Lines file)
        expect_id(b"in/" + name, want, **checks)


def expect_id(raw_id, want, **checks):
    shown = "".join(chr(b) if b < 0x80 else "\\x%02x" % b for b in raw_id) if not _utf8(raw_id) else raw_id.decode()
    expect[shown] = dict(want=want, **checks)


def _utf8(b):
    try:
        b.decode("utf-8")
        return True
    except UnicodeDecodeError:
        return False


AD = ("Machine Learning Engineer (m/w/d)\n\n"
      "Deine Aufgaben: Du entwickelst Modelle für maschinelles Lernen und bringst sie in Produktion.\n"
      "Deine Fähigkeiten: Python, PyTorch, Statistik und SQL; Erfahrung mit großen Datenmengen.\n"
      "Größe zählt nicht. Büro in der Hauptstraße, Köln.\n")
QUOTED = AD + "„Wir freuen uns auf Dich“ – Gehalt ab 70.000 €\n"

# Encodings
put(b"enc/utf8.txt", AD, "score", encoding="utf-8", twin="ad")
put(b"enc/utf8_bom.txt", b"\xef\xbb\xbf" + AD.encode(), "score", encoding="utf-8-bom", twin="ad")
put(b"enc/utf16le.txt", b"\xff\xfe" + AD.encode("utf-16-le"), "score", encoding="utf-16le", twin="ad")
put(b"enc/utf16be.txt", b"\xfe\xff" + AD.encode("utf-16-be"), "score", encoding="utf-16be", twin="ad")
put(b"enc/latin1.txt", AD.encode("latin-1"), "score", encoding="iso-8859-1", twin="ad")
put(b"enc/quoted_utf8.txt", QUOTED, "score", encoding="utf-8", twin="quoted")
put(b"enc/quoted_cp1252.txt", QUOTED.encode("cp1252"), "score", encoding="windows-1252", twin="quoted")
put(b"enc/invalid_utf8.txt",
    b"Data Scientist\n\nPython \xc0\xaf overlong, \xed\xa0\x80 surrogate, machine learning, cut \xe2\x82",
    "score", encoding="utf-8", warning="invalid UTF-8 at offset 23 (7 bad byte(s) read as U+FFFD)")

# Content
put(b"content/empty.txt", b"", "score")
put(b"content/whitespace.txt", b"  \n\t\r\n   \n", "score")
put(b"content/nul.txt", b"Machine Learning\x00Engineer", "binary")
put(b"content/crlf.txt", AD.replace("\n", "\r\n"), "score", title="Machine Learning Engineer (m/w/d)")
put(b"content/long_line.txt", "Machine Learning Engineer " + "Python und Statistik, " * 240000, "score")
put(b"content/combining.txt", "Data Engineer\n\nPython a" + "\u0301\u0316\u0327\u0308" * 50000 + " ML\n",
    "score", warning_prefix="more than 30 combining marks in a row")
put(b"content/emoji.txt", "🚀 ML Engineer 👩‍💻\n\nPython 🐍, machine learning ❤️ und Spaß 🎉\n", "score")
put(b"content/bidi.txt", "Title \u202eevil\u202c zero\u200bwidth\u2066iso\u2069\n\nPython, machine learning.\n", "score")
put(b"content/escapes.txt",
    b"\x1b]0;owned\x07\x1b[31mRed Title\x1b[0m\x9b2J\n\nPython \x1b[2J and machine learning.\r\x1b[1A\n", "score")
put(b"content/page.html",
    "<!DOCTYPE html><html><head><title>ML Engineer &amp; MLOps</title><style>p{}</style>"
    "<script>alert('x')</script></head><body><h1>ML Engineer</h1><p>Python&nbsp;&amp; PyTorch</p>"
    "<ul><li>Modelle trainieren</li></ul></body></html>", "score", encoding="utf-8+html", title="ML Engineer & MLOps")
put(b"content/page.htm", "<p>Machine Learning &ndash; Python</p>", "score", encoding="utf-8+html")
put(b"content/detected_html.txt", "<!doctype html><title>Detected</title><p>Spark &amp; Hadoop</p>", "score",
    encoding="utf-8+html", title="Detected")
put(b"content/formula_eq.txt", '=HYPERLINK("http://x","click")\n\nPython\n', "score", title='=HYPERLINK("http://x","click")')
put(b"content/formula_plus.txt", "+1 555 Data Engineer\n\nSQL\n", "score")
put(b"content/formula_minus.txt", "-2+3 Data Engineer\n\nSQL\n", "score")
put(b"content/formula_at.txt", "@SUM(A1) Engineer\n\nSQL\n", "score")
put(b"content/too_large.txt", b"x" * 6_500_000, "too_large")

# The file system
put(b"fs/sp ace.txt", "Python ML\n", "score")
put(b"fs/q\"uo'te.txt", "Python ML\n", "score")
put(b"fs/tab\there.txt", "Python ML\n", "score")
put(b"fs/new\nline.txt", "Python ML\n", "score")
put(b"fs/bad\xff\xfe.txt", "Python ML\n", "score")
put(b"fs/esc\x1b[31mname.txt", "Python ML\n", "score")
put(b"fs/skipped.xlsx", "not a posting extension: not an input, named on stderr", None)
put(b"fs/.hidden.txt", "hidden: not an input", None)
fs = os.path.join(root, b"fs")
os.symlink(b"nowhere.txt", os.path.join(fs, b"dangling.txt")); expect_id(b"in/fs/dangling.txt", "not_found")
os.symlink(b"loop.txt", os.path.join(fs, b"loop.txt")); expect_id(b"in/fs/loop.txt", "loop")
os.makedirs(os.path.join(fs, b"sub"))
os.symlink(b"../..", os.path.join(fs, b"sub", b"up")); expect_id(b"in/fs/sub/up", "loop")
os.mkfifo(os.path.join(fs, b"fifo.txt")); expect_id(b"in/fs/fifo.txt", "not_regular")
os.symlink(b"/dev/zero", os.path.join(fs, b"zero.txt")); expect_id(b"in/fs/zero.txt", "not_regular")
os.symlink(b"/proc/self/mem", os.path.join(fs, b"unreadable.txt")); expect_id(b"in/fs/unreadable.txt", "io")
if os.geteuid() != 0:  # permissions do not stop root; checked, but left out of the summary
    put(b"fs/no_permission.txt", "x", "io", silent=True)
    os.chmod(os.path.join(fs, b"no_permission.txt"), 0)

# JSON Lines: every line that is not blank is one record, named by its id (for a line that does
# not parse, the id it got as far as) or else FILE:LINE.
jsonl = [
    b'{"id":"j-ok","title":"ML Engineer","text":"Python and machine learning."}',
    b'{"id":"j-broken","text":"unterminated',
    b'',
    b'   \r',
    b'{"id":"j-notext","title":"No text"}',
    b'{"id":"j-number","text":42}',
    b'["not", "an", "object"]',
    b'{"id":"j-big","text":"x","n":1e99999}',
    b'{"id":"j-latin1","text":"F\xe4higkeiten"}',
    b'{"text":"no id field"}\r',
    b'{"id":"j-esc","title":"\\u001b[31mred","text":"\\u001b]0;x\\u0007 Python"}',
    b'{"id":"j-last","text":"no final newline"}',
]
put(b"postings.jsonl", b"\n".join(jsonl), None)
for want in [("j-ok", "score"), ("j-broken", "json"), ("j-notext", "json"), ("j-number", "json"),
             ("in/postings.jsonl:7", "json"), ("j-big", "json"), ("j-latin1", "json"),
             ("in/postings.jsonl:10", "score"), ("j-esc", "score"), ("j-last", "score")]:
    expect[want[0]] = dict(want=want[1])

# Explicit paths: a FIFO (the case writes to it), a missing file, and 100,000 files.
os.mkfifo(os.path.join(tmp, b"pipe.txt")); expect["pipe.txt"] = dict(want="score", encoding="utf-8")
expect["missing.txt"] = dict(want="not_found")
many = os.path.join(tmp, b"many")
os.makedirs(many)
for i in range(100_000):
    with open(os.path.join(many, b"%06d.txt" % i), "wb") as f:
        f.write(b"Engineer %d\n\nPython and machine learning.\n" % i)

with open(os.path.join(tmp, b"expect.json"), "w") as f:
    json.dump(expect, f)
