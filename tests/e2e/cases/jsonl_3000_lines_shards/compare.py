# Compares two JSON Lines outputs record for record; prints "N records equal" or the first
# record where they differ (and fails). No difference is tolerated: the malformed line is named
# by the id it got as far as, with a message that does not count lines, so its record is the
# same whichever shard it was in.
import sys

a = open(sys.argv[1], encoding="utf-8").read().splitlines()
b = open(sys.argv[2], encoding="utf-8").read().splitlines()
if len(a) != len(b):
    sys.exit(f"{len(a)} records against {len(b)}")
for n, (x, y) in enumerate(zip(a, b), 1):
    if x != y:
        sys.exit(f"record {n} differs:\n{x[:300]}\n{y[:300]}")
print(f"{len(a)} records equal")
