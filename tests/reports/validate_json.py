#!/usr/bin/env python3
"""Validates a JSON document against a JSON Schema (draft picked from the schema's $schema).

Usage: validate_json.py SCHEMA DOCUMENT  ->  exit 0 and "valid", or exit 1 and one line per error.
Uses Debian's python3-jsonschema (scripts/install-deps.sh --test).
"""
import json
import sys

import jsonschema

schema = json.load(open(sys.argv[1], encoding="utf-8"))
doc = json.load(open(sys.argv[2], encoding="utf-8"))
cls = jsonschema.validators.validator_for(schema)
cls.check_schema(schema)
errors = sorted(cls(schema).iter_errors(doc), key=lambda e: list(e.absolute_path))
for e in errors[:50]:
    print("/".join(str(p) for p in e.absolute_path) + ": " + e.message)
if errors:
    sys.exit(1)
print("valid")
