#!/usr/bin/env python3
"""Writes the schemathesis configuration of one fuzzing step (scripts/fuzz/run.sh) to stdout.

Usage: make_config.py SQLITE_PATH
- No request cache: schemathesis otherwise replays the failures of earlier runs from .schemathesis/,
  and a fixed seed would no longer mean a fixed run.
- Dictionaries of identifiers that exist in the demo database (services, IINs, documents,
  organizations, admission programs and imports), bound to the parameters that take them with
  probability 0.5: half the generated values are real, so the handlers get past "not found" into
  their validation and business rules, and half stay random.
"""
import json
import sqlite3
import sys


def column(db, sql):
    try:
        return sorted({str(r[0]) for r in db.execute(sql) if r[0] is not None})
    except sqlite3.Error:
        return []


def main() -> int:
    db = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
    dictionaries = {
        "service": ["S1", "S2", "S3", "S4", "S5"],
        "iin": column(db, "SELECT iin FROM persons"),
        "document": column(db, "SELECT id FROM education_documents"),
        "organization": column(db, "SELECT id FROM organizations"),
        "id": column(db, "SELECT id FROM admission_programs") + column(db, "SELECT id FROM admission_imports")
        + column(db, "SELECT id FROM cases") + column(db, "SELECT id FROM admission_applications"),
        "number": column(db, "SELECT number FROM receipts") + column(db, "SELECT number FROM signed_documents")
        + column(db, "SELECT series || number FROM education_documents"),
        "program": column(db, "SELECT id FROM admission_programs"),
    }
    bindings = {
        "path.service": "service", "body.service": "service",
        "body.applicantIIN": "iin", "body.iin": "iin", "path.applicant": "iin",
        "body.documentId": "document", "body.document": "document",
        "body.providerId": "organization", "body.pickupOfficeId": "organization",
        "path.id": "id", "query.id": "id", "body.applicationId": "id",
        "path.number": "number", "body.program": "program",
    }
    q = json.dumps  # a TOML basic string is written like a JSON string
    print("[cache]\nenabled = false\n")
    for name, values in dictionaries.items():
        if values:
            print(f"[dictionaries.{name}]\nvalues = [{', '.join(q(v) for v in values)}]\n")
    print("[parameters]")
    for key, name in bindings.items():
        if dictionaries[name]:
            print(f'{q(key)} = {{ dictionary = {q(name)}, probability = 0.5 }}')
    return 0


if __name__ == "__main__":
    sys.exit(main())
