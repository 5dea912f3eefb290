#!/usr/bin/env bash
# Scores the extractor on ../shared/corpus/dev with the reference scorer.
# Optional: needs ../shared beside the checkout. Usage: scripts/dev-eval.sh [--details]
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
shared="${SHARED:-$top/../shared}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 - "$shared/corpus/dev" >"$tmp/in.jsonl" <<'PY'
import json, sys
from pathlib import Path
for p in sorted(Path(sys.argv[1]).glob("*.json")):
    d = json.loads(p.read_text(encoding="utf-8"))
    print(json.dumps({k: d.get(k) for k in ("id", "title", "outlet", "published", "text")}, ensure_ascii=False))
PY
cargo run -q --release -p repatwatch-extract --example extract_jsonl <"$tmp/in.jsonl" >"$tmp/pred.jsonl"
cp "$tmp/pred.jsonl" "${PRED_OUT:-/tmp/repatwatch-pred.jsonl}"
python3 "$shared/eval/score.py" "$shared/corpus/dev" "$tmp/pred.jsonl" "$@"
