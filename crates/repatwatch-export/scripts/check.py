#!/usr/bin/env python3
"""Checks a repatwatch export with Python's own csv and json modules.

    check.py csv|acled|jsonl|geojson FILE [--redacted]

Prints the number of rows and exits 0 when the file is well formed: CSV with
the documented header and as many cells in every row; JSON Lines with one
object a line holding document_id and the incident's required members; an
RFC 7946 FeatureCollection (no crs, Points as [lon, lat] in range, geometry
null allowed). With --redacted also checks that no quote, source text,
location text or facility-precision place survived. Not used by the tests.
"""
import csv
import json
import sys

CSV_HEADER = (
    "document_id incident_index case_id review type status hedged date_text "
    "date_start date_end date_precision location_name location_admin1 "
    "location_country location_lat location_lon location_precision locations "
    "location_count facility people_text people_min people_max "
    "people_approximate gender minors actors source_kinds evidence_spans "
    "evidence_quote outlet url title published"
).split()
ACLED_HEADER = (
    "event_id_cnty event_date year time_precision disorder_type event_type "
    "sub_event_type actor1 assoc_actor_1 inter1 actor2 assoc_actor_2 inter2 "
    "interaction civilian_targeting iso region country admin1 admin2 admin3 "
    "location latitude longitude geo_precision source source_scale notes "
    "fatalities tags timestamp"
).split()
REQUIRED = ["type", "status", "hedged", "date", "locations", "people", "actors", "evidence"]


def fail(msg):
    print(f"error: {msg}", file=sys.stderr)
    sys.exit(1)


def check_csv(path, header, redacted):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    if not rows or rows[0] != header:
        fail("header differs from the documented one")
    for i, r in enumerate(rows[1:], 2):
        if len(r) != len(header):
            fail(f"row {i}: {len(r)} cells, expected {len(header)}")
        rec = dict(zip(header, r))
        if redacted and header is CSV_HEADER:
            if rec["evidence_quote"] or rec["location_precision"] == "facility":
                fail(f"row {i}: unredacted quote or facility place")
    return len(rows) - 1


def check_incident(o, where, redacted):
    for k in REQUIRED:
        if k not in o:
            fail(f"{where}: missing {k}")
    if redacted:
        if any(e.get("quote") for e in o["evidence"]):
            fail(f"{where}: a quote survived redaction")
        if any(s.get("text") is not None for s in o.get("sources", [])):
            fail(f"{where}: a source text survived redaction")
        for l in o["locations"]:
            if l.get("text") is not None or l.get("precision") == "facility":
                fail(f"{where}: a place detail survived redaction")


def check_jsonl(path, redacted):
    n = 0
    with open(path, encoding="utf-8") as f:
        for i, line in enumerate(f, 1):
            o = json.loads(line)
            if not isinstance(o, dict) or "document_id" not in o or "case_id" not in o:
                fail(f"line {i}: not an incident object with document_id and case_id")
            check_incident(o, f"line {i}", redacted)
            n += 1
    return n


def check_geojson(path, redacted):
    with open(path, encoding="utf-8") as f:
        v = json.load(f)
    if v.get("type") != "FeatureCollection" or "crs" in v:
        fail("not an RFC 7946 FeatureCollection")
    for i, f in enumerate(v["features"]):
        if f.get("type") != "Feature" or "properties" not in f or "geometry" not in f:
            fail(f"feature {i}: not a Feature")
        g = f["geometry"]
        if g is None:
            continue
        c = g.get("coordinates")
        if g.get("type") != "Point" or len(c) != 2:
            fail(f"feature {i}: not a Point")
        lon, lat = c
        if not (-180 <= lon <= 180 and -90 <= lat <= 90):
            fail(f"feature {i}: coordinates out of range (order is [lon, lat])")
        if redacted and (round(lon, 2) != lon or round(lat, 2) != lat):
            fail(f"feature {i}: coordinates finer than 2 decimals")
    return len(v["features"])


def main():
    args = [a for a in sys.argv[1:] if a != "--redacted"]
    redacted = "--redacted" in sys.argv[1:]
    if len(args) != 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    fmt, path = args
    if fmt == "csv":
        n = check_csv(path, CSV_HEADER, redacted)
    elif fmt == "acled":
        n = check_csv(path, ACLED_HEADER, redacted)
    elif fmt == "jsonl":
        n = check_jsonl(path, redacted)
    elif fmt == "geojson":
        n = check_geojson(path, redacted)
    else:
        fail(f"unknown format {fmt}")
    print(f"{fmt}: {n} rows ok")


if __name__ == "__main__":
    main()
