#!/usr/bin/env bash
# Checks that the Rust scorer prints exactly what shared/eval/score.py prints
# (text and --json, both with --details) on perturbed predictions generated
# from the dev corpus. Needs ../shared (skips without it).
#
# usage: crates/repatwatch-eval/scripts/agree.sh [SHARED_DIR] [WORK_DIR]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
shared=${1:-${SHARED:-/work/shared}}
work=${2:-$(mktemp -d /tmp/repatwatch-agree.XXXXXX)}
if [[ ! -f $shared/eval/score.py || ! -d $shared/corpus/dev ]]; then
    echo "skip: no $shared/eval/score.py or $shared/corpus/dev"
    exit 0
fi
python3 "$here/make_variants.py" "$shared/corpus/dev" "$work"
(cd "$root" && cargo build -q -p repatwatch-eval --example score)
rust="$root/target/debug/examples/score"
pass=0 fail=0
for gold in "$shared/corpus/dev" "$work/gold-opt"; do
    for pred in "$work"/*.jsonl; do
        for mode in "--details" "--json --details"; do
            # shellcheck disable=SC2086
            python3 "$shared/eval/score.py" "$gold" "$pred" $mode >"$work/py.out"
            # shellcheck disable=SC2086
            "$rust" "$gold" "$pred" $mode >"$work/rs.out"
            name="$(basename "$gold")/$(basename "$pred") $mode"
            if cmp -s "$work/py.out" "$work/rs.out"; then
                pass=$((pass + 1))
            else
                fail=$((fail + 1))
                echo "DIFFER: $name"
                diff "$work/py.out" "$work/rs.out" | head -20
            fi
        done
        if [[ $mode == "--json --details" ]]; then
            python3 "$shared/eval/score.py" "$gold" "$pred" --json \
                | python3 -c 'import json,sys; r=json.load(sys.stdin); i,s=r["incidents"],r["slots"]; print("  %-44s inc P %.4f R %.4f F1 %.4f  slot P %.4f R %.4f F1 %.4f" % (sys.argv[1], i["precision"], i["recall"], i["f1"], s["precision"], s["recall"], s["f1"]))' \
                "$(basename "$gold")/$(basename "$pred")"
        fi
    done
done
echo "identical outputs: $pass, differing: $fail (work dir $work)"
[[ $fail -eq 0 ]]
