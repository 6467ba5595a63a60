# Compares two JSON Lines outputs record for record; prints "equal" or where they differ. A
# malformed line's FILE:LINE id (and "line N" in its message) counts lines from the start of its
# shard, so that one record may differ only there: reported as such, any other difference fails.
import json, re, sys

a = open(sys.argv[1], encoding="utf-8").read().splitlines()
b = open(sys.argv[2], encoding="utf-8").read().splitlines()
if len(a) != len(b):
    sys.exit(f"{len(a)} records against {len(b)}")
shard_relative = []
for n, (x, y) in enumerate(zip(a, b), 1):
    if x == y:
        continue
    rx, ry = json.loads(x), json.loads(y)
    same_but_line = ("error" in rx and "error" in ry and rx["error"]["kind"] == ry["error"]["kind"] == "json"
                     and re.sub(r":\d+$", "", rx["id"]) == re.sub(r":\d+$", "", ry["id"])
                     and re.sub(r"line \d+", "line N", rx["error"]["message"])
                     == re.sub(r"line \d+", "line N", ry["error"]["message"]))
    if not same_but_line:
        sys.exit(f"record {n} differs:\n{x[:300]}\n{y[:300]}")
    shard_relative.append(f"{rx['id']} vs {ry['id']}")
if shard_relative:
    print(f"{len(a)} records equal, but for the malformed line's shard-relative id: {', '.join(shard_relative)}")
else:
    print(f"{len(a)} records equal")
