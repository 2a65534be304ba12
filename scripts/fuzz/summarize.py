#!/usr/bin/env python3
"""Sums up the schemathesis runs of scripts/fuzz/run.sh.

Usage: summarize.py OUT_DIR ROLE...
Reads OUT_DIR/ROLE/junit.xml (failures) and OUT_DIR/ROLE/har.json (every request schemathesis sent)
for each ROLE, writes OUT_DIR/failures.txt (one line per operation, check, status and role), and prints
the per-role counts followed by one summary line:
  fuzz: N requests, M failures (K server errors) in R runs
"""
import json
import re
import sys
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path

CHECKS = {
    "ST101": "5xx",  # Server error
    "ST103": "status code",  # Undocumented status code
    "ST108": "schema mismatch",  # Response violates schema
}


def main() -> int:
    out, roles = Path(sys.argv[1]), sys.argv[2:]
    total_requests = total_failures = total_5xx = 0
    rows = []  # (operation, check, status, role, reproduce)
    for role in roles:
        requests = failures = errors = 0
        har = out / role / "har.json"
        if har.is_file():
            try:
                requests = len(json.loads(har.read_text())["log"]["entries"])
            except (ValueError, KeyError):
                pass
        junit = out / role / "junit.xml"
        if junit.is_file():
            for case in ET.parse(junit).getroot().iter("testcase"):
                operation = case.get("name", "?")
                for node in list(case):
                    if node.tag not in ("failure", "error"):
                        continue
                    text = node.text or node.get("message", "")
                    if node.tag == "error":
                        errors += 1
                        rows.append((operation, "error", "-", role, text.strip().splitlines()[0] if text.strip() else ""))
                        continue
                    # One junit <failure> per operation; it lists every unique failure found on it.
                    for block in re.split(r"\n(?=\d+\. Test Case ID:)", text):
                        codes = re.findall(r"^- (ST\d+) ", block, re.M) or [node.get("message", "?")]
                        status = re.search(r"^\[(\d{3})\]", block, re.M)
                        curl = re.search(r"^\s*(curl .*)$", block, re.M)
                        for code in codes:
                            failures += 1
                            if code == "ST101":
                                total_5xx += 1
                            rows.append((
                                operation, f"{code} {CHECKS.get(code, '')}".strip(),
                                status.group(1) if status else "-", role, curl.group(1) if curl else ""))
        total_requests += requests
        total_failures += failures + errors
        print(f"  {role:14} {requests:6} requests  {failures:3} failures  {errors:2} errors")
    # Deduplicated over roles: one line per operation, check and status, with the roles that hit it.
    merged = defaultdict(lambda: ([], ""))
    for operation, check, status, role, curl in rows:
        found_roles, first_curl = merged[(operation, check, status)]
        found_roles.append(role)
        merged[(operation, check, status)] = (found_roles, first_curl or curl)
    with open(out / "failures.txt", "w") as f:
        for (operation, check, status), (found_roles, curl) in sorted(
                merged.items(), key=lambda kv: (not kv[0][1].startswith("ST101"), kv[0][1], kv[0][0])):
            f.write(f"{check:22} {status:4} {operation:55} {','.join(found_roles)}\n    {curl}\n")
    print(f"  deduplicated failures: {len(merged)} (see {out / 'failures.txt'})")
    print(f"fuzz: {total_requests} requests, {total_failures} failures ({total_5xx} server errors) in {len(roles)} runs")
    return 1 if total_failures else 0


if __name__ == "__main__":
    sys.exit(main())
