# Validates every JSON Lines record on standard input against the schema file argv[1]
# (python3-jsonschema, Draft 7); prints a summary, or the first failures.
import json, sys
import jsonschema

schema = json.load(open(sys.argv[1], encoding="utf-8"))
jsonschema.Draft7Validator.check_schema(schema)
validator = jsonschema.Draft7Validator(schema)
counts = {"scored": 0, "error": 0}
bad = 0
for n, line in enumerate(sys.stdin, 1):
    record = json.loads(line)
    errors = list(validator.iter_errors(record))
    if errors:
        bad += 1
        if bad <= 3:
            print(f"record {n} ({record.get('id')}): {errors[0].message}")
    counts["error" if "error" in record else "scored"] += 1
print(f"{counts['scored']} scored and {counts['error']} error records, {bad} invalid")
sys.exit(1 if bad else 0)
