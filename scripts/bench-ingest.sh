#!/bin/sh
# Ingest speed and query latency on a 10,000-report database built from the
# dev corpus (needs ../shared; nothing of it is written into the repository).
#   scripts/bench-ingest.sh [CORPUS_DIR] [N]
#   KEEP_DB=1 ...          keep the database (its directory is printed)
#   BENCH_DB=FILE ...      only time the queries, on an existing database
#   BENCH_BIN=FILE ...     another repatwatch binary (e.g. an older build)
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
corpus=${1:-$here/../shared/corpus/dev}
n=${2:-10000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ -n "${KEEP_DB:-}" ]; then trap - EXIT; echo "keeping $work"; fi
bin=${BENCH_BIN:-$here/target/release/repatwatch}
[ -x "$bin" ] || (cd "$here" && cargo build --release -p repatwatch-cli)
db=${BENCH_DB:-$work/bench.db}
if [ -z "${BENCH_DB:-}" ]; then
python3 - "$corpus" "$n" > "$work/bench.jsonl" <<'PY'
import json, os, sys
src, n = sys.argv[1], int(sys.argv[2])
docs = []
for name in sorted(os.listdir(src)):
    if name.endswith(".json"):
        with open(os.path.join(src, name)) as f:
            d = json.load(f)
        docs.append(d)
for i in range(n):
    d = docs[i % len(docs)]
    rec = {"id": f"{d['id']}-{i:05d}", "published": d.get("published"),
           "title": d.get("title"), "outlet": d.get("outlet"),
           "text": d["text"] + f"\n\n(Copy {i}.)"}
    print(json.dumps(rec))
PY
echo "== ingest $n reports"
"$bin" ingest "$work/bench.jsonl" --db "$db" --no-progress
echo "== ingest again (all unchanged)"
"$bin" ingest "$work/bench.jsonl" --db "$db" --no-progress
fi
ls -l "$db" | awk '{print "database size:", $5, "bytes"}'
uptime
t() { # name, command...: the best of 5 runs, wall and CPU (user+sys) ms;
       # CPU time tells more than wall time when other processes load the machine
    python3 - "$@" <<'PY'
import os, resource, subprocess, sys, time
name, cmd = sys.argv[1], sys.argv[2:]
wall, cpu = [], []
for _ in range(5):
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall.append(time.perf_counter() - t0)
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu.append(r1.ru_utime - r0.ru_utime + r1.ru_stime - r0.ru_stime)
out = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL).stdout
lines = len(out.splitlines())
print(f"{name:<70} {min(wall)*1000:5.0f} ms {min(cpu)*1000:5.0f} ms cpu {lines:6d} lines")
PY
}
t "process start alone (repatwatch --version)" "$bin" --version
echo "== queries (process start included; best of 5; stdout to /dev/null)"
t "incidents --type arrest --province Jilin --from 2020-01-01" "$bin" incidents --db "$db" --type arrest --province Jilin --from 2020-01-01
t "incidents --search Dandong --min-people 10" "$bin" incidents --db "$db" --search Dandong --min-people 10
t "incidents --search Dandong --min-people 10 --limit 0" "$bin" incidents --db "$db" --search Dandong --min-people 10 --limit 0
t "incidents --place Hunchun --status occurred" "$bin" incidents --db "$db" --place Hunchun --status occurred
t "incidents --search 'forcibly repatriated' --from 2023-01-01" "$bin" incidents --db "$db" --search "forcibly repatriated" --from 2023-01-01
t "incidents --search 'forcibly repatriated' --from 2023-01-01 --limit 0" "$bin" incidents --db "$db" --search "forcibly repatriated" --from 2023-01-01 --limit 0
t "incidents --type death" "$bin" incidents --db "$db" --type death
t "incidents --review confirmed" "$bin" incidents --db "$db" --review confirmed
t "incidents (default page)" "$bin" incidents --db "$db"
t "incidents --limit 0 (all)" "$bin" incidents --db "$db" --limit 0
t "cases --type repatriation --from 2023-01-01 --to 2023-12-31" "$bin" cases --db "$db" --type repatriation --from 2023-01-01 --to 2023-12-31
t "cases --search Dandong --min-people 10" "$bin" cases --db "$db" --search Dandong --min-people 10
t "cases --province Jilin" "$bin" cases --db "$db" --province Jilin
t "cases --limit 100" "$bin" cases --db "$db" --limit 100
t "cases --limit 0 (all)" "$bin" cases --db "$db" --limit 0
t "case 1" "$bin" case 1 --db "$db"
t "stats --by year --from 2020-01-01" "$bin" stats --db "$db" --by year --from 2020-01-01
t "stats --by month (all)" "$bin" stats --db "$db" --by month
