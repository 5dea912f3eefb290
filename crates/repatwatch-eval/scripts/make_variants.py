#!/usr/bin/env python3
"""Write perturbed prediction files (and a perturbed gold copy) from a gold
directory, to check the Rust scorer against score.py.

usage: make_variants.py GOLD_DIR OUT_DIR

OUT_DIR gets *.jsonl prediction files and gold-opt/ (the gold with other
incidents marked optional). Deterministic (seeded). Standard library only.
"""
import copy
import json
import random
import sys
from datetime import date, timedelta
from pathlib import Path

ADMIN1_SPELLINGS = {
    "Ryanggang": ["Yanggang Province", "Ryanggang-do", "RYANGGANG"],
    "North Hamgyong": ["Hamgyong-bukto", "North Hamgyong Province", "Hamgyongbuk-do"],
    "Jilin": ["Jilin Province", "jilin", "Jilin Sheng"],
    "Liaoning": ["Liaoning Province", "Liaoning-do"],
    "Chagang": ["Jagang", "Chagang Province"],
}


def load(gold_dir):
    return [json.loads(f.read_text(encoding="utf-8")) for f in sorted(Path(gold_dir).glob("*.json"))]


def line(doc, incs, top_id=False):
    if top_id:
        return json.dumps({"id": doc["id"], "incidents": incs}, ensure_ascii=False)
    return json.dumps({"document": {"id": doc["id"]}, "incidents": incs}, ensure_ascii=False)


def shift_day(s, n):
    try:
        return (date.fromisoformat(s) + timedelta(days=n)).isoformat()
    except (TypeError, ValueError):
        return s


def p_date(r, inc):
    d = inc.get("date")
    k = r.random()
    if not d:
        if k < 0.3:
            inc["date"] = {"text": None, "start": "2010-05-01", "end": None}
        return
    if k < 0.25:
        n = r.randint(-3, 3)
        d["start"], d["end"] = shift_day(d.get("start"), n), shift_day(d.get("end"), n)
    elif k < 0.45:
        d["end"] = shift_day(d.get("end") or d.get("start"), r.randint(0, 40))
    elif k < 0.55:
        d["start"] = shift_day(d.get("start"), -r.randint(0, 10))
    elif k < 0.62:
        inc["date"] = None
    elif k < 0.68:
        d["end"] = None
    elif k < 0.72:
        d["start"] = (d.get("start") or "2000-01-01")[:7]  # invalid for fromisoformat
    elif k < 0.76:
        d["start"] = (d.get("start") or "2000-01-01").replace("-", "")
    elif k < 0.8:
        s = d.get("start")
        if s:
            y, w, wd = date.fromisoformat(s).isocalendar()
            d["start"] = f"{y}-W{w:02d}-{wd}"
    elif k < 0.84:
        d["end"] = ""


def p_count(r, inc):
    people = inc.get("people")
    if not people:
        return
    c = people.get("count")
    k = r.random()
    if not c:
        if k < 0.3:
            people["count"] = {"min": r.randint(1, 9), "max": None, "approximate": False}
        return
    if k < 0.25 and c.get("min") is not None:
        c["min"] += r.choice([-1, 1])
    elif k < 0.4:
        c["max"] = (c.get("max") or 0) + 2
    elif k < 0.5:
        people["count"] = None
    elif k < 0.6 and c.get("min") is not None:
        c["min"] = float(c["min"])
    elif k < 0.65:
        c["min"], c["max"] = None, None
    elif k < 0.7:
        c["min"], c["max"] = 731000, 731010
    if r.random() < 0.2:
        people["gender"] = r.choice([None, "male", "female", "mixed", "unknown"])


def p_location(r, inc):
    locs = inc.get("locations")
    if not locs:
        if r.random() < 0.2:
            inc["locations"] = [{"name": "Tumen", "admin1": "Jilin", "country": "CN",
                                 "precision": "city", "lat": 42.97, "lon": 129.84}]
        return
    for loc in locs:
        if not loc:
            continue
        k = r.random()
        if k < 0.3 and isinstance(loc.get("lat"), (int, float)):
            # up to ~0.4 degrees: around the 25 km threshold
            loc["lat"] += r.uniform(-0.35, 0.35)
            loc["lon"] += r.uniform(-0.35, 0.35)
        elif k < 0.45:
            names = ADMIN1_SPELLINGS.get(loc.get("admin1"))
            if names:
                loc["admin1"] = r.choice(names)
            loc["precision"] = r.choice(["admin1", loc.get("precision")])
        elif k < 0.55:
            loc["precision"] = "country"
            loc["country"] = r.choice([loc.get("country") or "", (loc.get("country") or "").lower(), "KP"])
        elif k < 0.6:
            loc.pop("lat", None)
        elif k < 0.65:
            loc["lat"] = None
        elif k < 0.7:
            loc["admin1"] = None
    k = r.random()
    if k < 0.15:
        r.shuffle(locs)
    elif k < 0.25:
        locs.append(copy.deepcopy(locs[0]))
    elif k < 0.3 and len(locs) > 1:
        locs.pop()
    elif k < 0.33:
        locs.append(None)


def p_type(r, inc):
    k = r.random()
    if k < 0.15:
        inc["type"] = r.choice(["arrest", "detention", "transfer", "repatriation", "release", "death"])
    if r.random() < 0.15:
        inc["status"] = r.choice([None, "", "occurred", "planned", "threatened", "feared"])
    if r.random() < 0.2:
        acts = list(inc.get("actors") or [])
        k = r.random()
        if k < 0.3:
            acts.reverse()
        elif k < 0.5:
            acts.append("CN-MSS")
        elif k < 0.7 and acts:
            acts.pop()
        elif k < 0.8:
            acts = acts + acts
        else:
            acts = None
        inc["actors"] = acts


def p_evidence(r, inc, text):
    ev = inc.get("evidence") or []
    for e in ev:
        k = r.random()
        if k < 0.3 and e.get("start") is not None:
            n = r.randint(-200, 200)
            e["start"], e["end"] = max(0, e["start"] + n), max(0, e["end"] + n)
        elif k < 0.5:
            e.pop("start", None)
            e["end"] = None
            q = e.get("quote") or ""
            if q and r.random() < 0.5:
                a = r.randint(0, len(q) // 2)
                e["quote"] = q[a:a + r.randint(1, 30)]
        elif k < 0.55:
            e["start"] = None
            e["quote"] = "this quote is not in the text"
        elif k < 0.6 and e.get("start") is not None:
            e["end"] = e["start"]
    k = r.random()
    if k < 0.05:
        inc["evidence"] = []
    elif k < 0.1 and len(text) > 50:
        s = r.randint(0, len(text) - 20)
        inc["evidence"] = [{"start": s, "end": s + 20, "quote": text[s:s + 20]}]


def spurious(r, text):
    s = r.randint(0, max(0, len(text) - 60))
    return {"type": r.choice(["arrest", "repatriation", "detention"]), "status": "occurred",
            "date": {"start": "2012-02-10", "end": "2012-02-20"},
            "people": {"count": {"min": 3, "max": 3}, "gender": "mixed"},
            "evidence": [{"start": s, "end": s + 60, "quote": text[s:s + 60]}]}


def perturb(r, doc, kinds, rate=0.5):
    out = []
    for inc in doc["incidents"]:
        inc = copy.deepcopy(inc)
        for kind in ("drop", "dup"):
            pass
        if "drop" in kinds and r.random() < 0.2:
            continue
        if "date" in kinds and r.random() < rate:
            p_date(r, inc)
        if "count" in kinds and r.random() < rate:
            p_count(r, inc)
        if "loc" in kinds and r.random() < rate:
            p_location(r, inc)
        if "type" in kinds and r.random() < rate:
            p_type(r, inc)
        if "evidence" in kinds and r.random() < rate:
            p_evidence(r, inc, doc["text"])
        out.append(inc)
        if "dup" in kinds and r.random() < 0.25:
            d = copy.deepcopy(inc)
            if r.random() < 0.5:
                p_count(r, d)
            out.append(d)
    if "spurious" in kinds:
        for _ in range(r.randint(0, 2)):
            out.insert(r.randint(0, len(out)), spurious(r, doc["text"]))
    if "shuffle" in kinds:
        r.shuffle(out)
    return out


def write(out_dir, name, lines):
    (out_dir / f"{name}.jsonl").write_text("".join(l + "\n" for l in lines), encoding="utf-8")


def main():
    gold_dir, out_dir = Path(sys.argv[1]), Path(sys.argv[2])
    out_dir.mkdir(parents=True, exist_ok=True)
    docs = load(gold_dir)
    write(out_dir, "gold", [line(d, d["incidents"]) for d in docs])
    write(out_dir, "gold-topid-partial",
          [line(d, d["incidents"], top_id=True) for i, d in enumerate(docs) if i % 3])
    write(out_dir, "empty", [])
    write(out_dir, "empty-incidents", [line(d, []) for d in docs])
    # Every incident repeated three times, reversed: many exact ties.
    write(out_dir, "ties", [line(d, [x for x in reversed(d["incidents"]) for _ in range(3)]) for d in docs])
    # Every incident carrying the evidence of all others of its type: ties.
    lines = []
    for d in docs:
        incs = copy.deepcopy(d["incidents"])
        for inc in incs:
            inc["evidence"] = [e for o in d["incidents"] if o.get("type") == inc.get("type")
                               for e in o.get("evidence") or []]
        lines.append(line(d, incs))
    write(out_dir, "ties-evidence", lines)
    singles = ["date", "count", "loc", "type", "evidence", "drop", "dup", "spurious", "shuffle"]
    for seed, kind in enumerate(singles):
        r = random.Random(seed)
        write(out_dir, f"only-{kind}", [line(d, perturb(r, d, {kind}, rate=0.8)) for d in docs])
    for seed in range(12):
        r = random.Random(100 + seed)
        lines = [line(d, perturb(r, d, set(singles)), top_id=(seed % 2 == 1))
                 for d in docs if r.random() < 0.9]
        write(out_dir, f"mixed-{seed:02d}", lines)
    # Gold copy with other incidents optional (and some optional ones not).
    r = random.Random(7)
    gdir = out_dir / "gold-opt"
    gdir.mkdir(exist_ok=True)
    for d in docs:
        d = copy.deepcopy(d)
        for inc in d["incidents"]:
            if r.random() < 0.3:
                inc["optional"] = not inc.get("optional")
        (gdir / f"{d['id']}.json").write_text(json.dumps(d, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
