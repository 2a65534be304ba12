#!/usr/bin/env python3
"""Cross-check the working-calendar data of Kazakhstan.

Reads Sources/BilimServices/Resources/calendar/YYYY.json, validates the schema
strictly, computes the non-working dates of each year by the rule of
spec/terms.md ("The working calendar of Kazakhstan") and compares them with the
Kazakhstan calendar of the `holidays` package (pip install holidays).

Rule used to compute non-working dates:
  1. Saturdays and Sundays, public holidays and religious days are non-working.
  2. Public holidays are processed in date order; one that falls on a Saturday
     or Sunday moves to the next day that is a weekday, not a holiday (public or
     religious) and not already a moved-to day. Religious days never move.
     The move is computed on the calendar as the law defines it, before the
     transfers: a transfer decree may then move that very day off elsewhere
     (2020: Victory Day Sat 9 May -> Mon 11 May, moved by Decree No. 820 to
     Fri 8 May, so 11 May is working). Skipping transferred working days while
     moving would put that day off on 12 May, which is wrong.
  3. Transfers: each dayOff becomes non-working, each workingDay working.

Exit status: 0 = only expected differences, 1 = unexpected differences,
2 = data/schema error, 3 = the `holidays` package is missing.

Usage: scripts/check-calendar.py [CALENDAR_DIR]
"""

import datetime as dt
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_DIR = os.path.join(HERE, "..", "Sources", "BilimServices", "Resources", "calendar")

FIRST_YEAR = 2020

# Differences with the `holidays` package that the spec mandates (or that come
# from older package versions that predate the 2026 constitutional change).
# Key: (date, check, side) where check is "nonworking" | "holiday" | "transfer"
# and side is "ours" (only in our data) or "pkg" (only in the package).
EXPECTED = {
    ("2026-08-30", "holiday", "pkg"):
        "spec: Constitution Day 30 August only up to 2025 (older holidays versions still list it in 2026)",
    ("2026-08-31", "nonworking", "pkg"):
        "spec: no Constitution Day in 2026, so no move of 30 August to 31 August (older holidays versions)",
    ("2027-03-15", "holiday", "ours"):
        "spec: Constitution Day is 15 March from 2027 (older holidays versions miss it)",
    ("2027-03-15", "nonworking", "ours"):
        "spec: Constitution Day is 15 March from 2027 (older holidays versions miss it)",
    ("2027-08-30", "holiday", "pkg"):
        "spec: no Constitution Day on 30 August from 2026 (older holidays versions)",
    ("2027-08-30", "nonworking", "pkg"):
        "spec: no Constitution Day on 30 August from 2026 (older holidays versions)",
    ("2020-05-08", "transfer", "ours"):
        "Decree No. 820 moved the rest day of Mon 11 May (Victory Day) to Fri 8 May; older holidays "
        "versions show 8 May as 'Victory Day (observed)' instead of a transfer (same non-working days)",
}

DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
TOP_KEYS = {"year", "source", "holidays", "transfers"}
HOL_KEYS = {"date", "kind", "name"}
NAME_KEYS = {"kk", "ru", "en"}
TR_KEYS = {"dayOff", "workingDay", "source"}
KINDS = {"public", "religious"}
KAZAKH_ONLY = set("әғқңөұүһіӘҒҚҢӨҰҮҺІ")


class DataError(Exception):
    pass


def fail(where, msg):
    raise DataError(f"{where}: {msg}")


def parse_date(value, where, year):
    if not isinstance(value, str) or not DATE_RE.match(value):
        fail(where, f"bad date {value!r} (want YYYY-MM-DD)")
    try:
        d = dt.date.fromisoformat(value)
    except ValueError:
        fail(where, f"bad date {value!r}")
    if d.year != year:
        fail(where, f"date {value} is not in the file's year {year}")
    return d


def check_keys(obj, keys, where):
    if not isinstance(obj, dict):
        fail(where, f"expected an object, got {type(obj).__name__}")
    unknown = set(obj) - keys
    missing = keys - set(obj)
    if unknown:
        fail(where, f"unknown key(s) {sorted(unknown)}")
    if missing:
        fail(where, f"missing key(s) {sorted(missing)}")


def nonempty_str(value, where):
    if not isinstance(value, str) or not value.strip():
        fail(where, "empty or non-string text")
    return value


def load_year(path, year):
    where = os.path.basename(path)
    try:
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        fail(where, f"cannot read JSON: {e}")
    check_keys(doc, TOP_KEYS, where)
    if type(doc["year"]) is not int or doc["year"] != year:
        fail(where, f"year {doc['year']!r} does not match the file name")
    nonempty_str(doc["source"], f"{where} source")
    if not isinstance(doc["holidays"], list) or not doc["holidays"]:
        fail(where, "holidays must be a non-empty array")
    if not isinstance(doc["transfers"], list):
        fail(where, "transfers must be an array")

    holidays = []  # (date, kind, name)
    seen = set()
    prev = None
    for i, h in enumerate(doc["holidays"]):
        w = f"{where} holidays[{i}]"
        check_keys(h, HOL_KEYS, w)
        d = parse_date(h["date"], w, year)
        if d in seen:
            fail(w, f"duplicate date {d}")
        if prev and d < prev:
            fail(w, f"holidays not sorted by date ({d} after {prev})")
        seen.add(d)
        prev = d
        if h["kind"] not in KINDS:
            fail(w, f"kind {h['kind']!r} is not public/religious")
        check_keys(h["name"], NAME_KEYS, f"{w} name")
        for lang in ("kk", "ru", "en"):
            nonempty_str(h["name"][lang], f"{w} name.{lang}")
        if not re.search(r"[А-Яа-яЁё]", h["name"]["kk"]):
            fail(w, "name.kk is not in Cyrillic Kazakh")
        if KAZAKH_ONLY & set(h["name"]["ru"]):
            fail(w, "name.ru contains Kazakh-only letters")
        holidays.append((d, h["kind"], h["name"]))

    transfers = []  # (dayOff|None, workingDay|None, source)
    offs, works = set(), set()
    for i, t in enumerate(doc["transfers"]):
        w = f"{where} transfers[{i}]"
        check_keys(t, TR_KEYS, w)
        off = None if t["dayOff"] is None else parse_date(t["dayOff"], w + ".dayOff", year)
        work = None if t["workingDay"] is None else parse_date(t["workingDay"], w + ".workingDay", year)
        if off is None and work is None:
            fail(w, "dayOff and workingDay are both null")
        nonempty_str(t["source"], w + ".source")
        if off is not None:
            if off in offs or off in works:
                fail(w, f"duplicate date {off}")
            if off.weekday() >= 5 or off in seen:
                fail(w, f"dayOff {off} is already non-working (weekend or holiday)")
            offs.add(off)
        if work is not None:
            if work in works or work in offs:
                fail(w, f"duplicate date {work}")
            if work in seen:
                fail(w, f"workingDay {work} is a holiday")
            works.add(work)
        transfers.append((off, work, t["source"]))
    return {"year": year, "holidays": holidays, "transfers": transfers}


def compute(data):
    """Non-working dates of the year and an explanation per date."""
    y = data["year"]
    why = {}
    d = dt.date(y, 1, 1)
    while d.year == y:
        if d.weekday() >= 5:
            why[d] = "weekend"
        d += dt.timedelta(days=1)
    hol = {h[0]: h for h in data["holidays"]}
    for d, kind, name in data["holidays"]:
        why[d] = f"{kind} holiday '{name['en']}'"
    moved = set()
    for d, kind, name in sorted(data["holidays"]):
        if kind != "public" or d.weekday() < 5:
            continue
        m = d + dt.timedelta(days=1)
        while m.weekday() >= 5 or m in hol or m in moved:
            m += dt.timedelta(days=1)
        moved.add(m)
        why[m] = f"move of '{name['en']}' from {d} ({d:%a})"
    for off, work, src in data["transfers"]:
        if work is not None:
            why.pop(work, None)
        if off is not None:
            why[off] = f"transfer day off (working day {work}; {src[:60]})"
    return why


def package_year(holidays_mod, y):
    """(non-working dates -> names, listed holidays -> kind, transfers) per the package."""
    full = holidays_mod.country_holidays("KZ", years=y, language="en_US")
    base = holidays_mod.country_holidays("KZ", years=y, language="en_US", observed=False)
    pairs, listed = set(), {}
    sub_re = re.compile(r"substituted from (\d{2})/(\d{2})/(\d{4})")
    for d, names in base.items():
        for n in names.split("; "):
            m = sub_re.search(n)
            if m:
                pairs.add((d, dt.date(int(m[3]), int(m[1]), int(m[2]))))
            elif "Christmas" in n or "Eid al-Adha" in n:
                listed[d] = "religious"
            elif n.startswith("Day off"):
                raise DataError(f"holidays package: cannot parse substituted day name {n!r}")
            else:
                listed.setdefault(d, "public")
    works = {w for _, w in pairs}
    nonworking = {}
    d = dt.date(y, 1, 1)
    while d.year == y:
        if d.weekday() >= 5 and d not in works:
            nonworking[d] = "weekend"
        d += dt.timedelta(days=1)
    for d, names in full.items():
        if d.year == y:
            nonworking[d] = names
    return nonworking, listed, pairs


def main(argv):
    cal_dir = argv[1] if len(argv) > 1 else DEFAULT_DIR
    try:
        files = sorted(f for f in os.listdir(cal_dir) if f.endswith(".json"))
    except OSError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    try:
        years = []
        for f in files:
            if not re.match(r"^\d{4}\.json$", f):
                fail(f, "file name is not YYYY.json")
            years.append(int(f[:4]))
        if not years:
            fail(cal_dir, "no YYYY.json files")
        want = list(range(FIRST_YEAR, max(years) + 1))
        if years != want:
            fail(cal_dir, f"years must be contiguous from {FIRST_YEAR}: missing {sorted(set(want) - set(years))}, extra {sorted(set(years) - set(want))}")
        data = {y: load_year(os.path.join(cal_dir, f"{y}.json"), y) for y in years}
    except DataError as e:
        print(f"schema error: {e}", file=sys.stderr)
        return 2
    print(f"schema OK: {len(years)} files, years {years[0]}..{years[-1]}")
    if dt.date.today().year + 1 > years[-1]:
        print(f"warning: no data for {dt.date.today().year + 1} (spec: current year + 1)")

    try:
        import holidays as holidays_mod
    except ImportError:
        print("error: the `holidays` package is missing (pip install holidays)", file=sys.stderr)
        return 3
    print(f"holidays package {holidays_mod.__version__}")

    unexpected, hit = 0, set()

    def report(date, check, side, text):
        nonlocal unexpected
        key = (date.isoformat(), check, side)
        if key in EXPECTED:
            hit.add(key)
            print(f"  expected   {date} {check:<10} only in {side:<4}: {text} -- {EXPECTED[key]}")
        else:
            unexpected += 1
            print(f"  UNEXPECTED {date} {check:<10} only in {side:<4}: {text}")

    for y in years:
        try:
            p_nw, p_listed, p_pairs = package_year(holidays_mod, y)
        except DataError as e:
            print(f"error: {e}", file=sys.stderr)
            return 2
        ours = compute(data[y])
        o_listed = {d: k for d, k, _ in data[y]["holidays"]}
        o_pairs = {(o, w) for o, w, _ in data[y]["transfers"]}
        before = unexpected
        print(f"{y}: {len(ours)} non-working days (ours), {len(p_nw)} (holidays package)")
        for d in sorted(set(ours) | set(p_nw)):
            if d in ours and d not in p_nw:
                report(d, "nonworking", "ours", f"ours: {ours[d]}; package: working")
            elif d in p_nw and d not in ours:
                report(d, "nonworking", "pkg", f"package: {p_nw[d]}; ours: working")
        for d in sorted(set(o_listed) | set(p_listed)):
            if d in o_listed and d not in p_listed:
                report(d, "holiday", "ours", f"ours lists a {o_listed[d]} holiday, package does not")
            elif d in p_listed and d not in o_listed:
                report(d, "holiday", "pkg", f"package lists {p_nw.get(d, '?')!r}, ours does not")
            elif o_listed[d] != p_listed[d]:
                report(d, "holiday", "ours", f"kind {o_listed[d]} in ours, {p_listed[d]} in package")
        for off, work in sorted(o_pairs - p_pairs, key=str):
            report(off or work, "transfer", "ours", f"transfer {off} <- {work} not in package")
        for off, work in sorted(p_pairs - o_pairs, key=str):
            report(off or work, "transfer", "pkg", f"package transfer {off} <- {work} not in ours")
        if unexpected == before:
            print("  matches the holidays package (apart from expected differences)")

    unused = sorted(set(EXPECTED) - hit)
    if unused:
        print(f"note: {len(unused)} expected difference(s) did not occur with holidays "
              f"{holidays_mod.__version__} (they concern other package versions): "
              + ", ".join(f"{k[0]}/{k[1]}/{k[2]}" for k in unused))
    if unexpected:
        print(f"FAIL: {unexpected} unexpected difference(s)")
        return 1
    print("OK: only expected differences")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
