#!/bin/sh
# run-all.sh: every test suite, then one closing "N passed, N failed" line.
# T=PATTERN limits the end-to-end scripts to those whose name contains it.
cd "$(dirname "$0")/.." || exit 3
BUILD=${BUILD:-build/out}
# The compile cache of a test run stays in the checkout (the judge's default
# is per user, ~/.cache/judge): tests/vm/inside.sh copies compiled programs
# from here, and gives its non-root pass a JUDGE_CACHE of its own. Scripts
# that need a private cache set JUDGE_CACHE again.
export JUDGE_CACHE="${JUDGE_CACHE:-$PWD/.cache/judge}"
total_pass=0
total_fail=0
total_skip=0
bad=""
log=$(mktemp)
trap 'rm -f "$log"' EXIT

tally() { # NAME RC: add the counts from the last "N passed, N failed" line
	line=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$log" | tail -n 1)
	p=$(echo "$line" | sed -n 's/^\([0-9]*\) passed.*/\1/p')
	f=$(echo "$line" | sed -n 's/.*passed, \([0-9]*\) failed.*/\1/p')
	s=$(echo "$line" | sed -n 's/.*failed, \([0-9]*\) skipped.*/\1/p')
	p=${p:-0}; f=${f:-0}; s=${s:-0}
	if [ "$2" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
	total_pass=$((total_pass + p)); total_fail=$((total_fail + f)); total_skip=$((total_skip + s))
	[ "$f" -ne 0 ] && bad="$bad $1"
	printf '%-44s %s\n' "$1" "$(echo "${line:-exit $2}")"
}

if [ -z "$T" ] || [ "$T" = unit ]; then
	"$BUILD/unit-tests" >"$log" 2>&1
	rc=$?
	p=$(grep -Eo '^\[  PASSED  \] [0-9]+' "$log" | awk '{s += $4} END {print s + 0}')
	f=$(grep -Eo '^\[  FAILED  \] [0-9]+' "$log" | awk '{s += $4} END {print s + 0}')
	[ "$rc" -ne 0 ] && [ "$f" -eq 0 ] && f=1
	[ "$f" -ne 0 ] && cat "$log"
	echo "$p passed, $f failed" >>"$log"
	tally unit-tests "$rc"
fi

for t in tests/t[0-9]*.sh; do
	[ -e "$t" ] || continue
	case "$t" in *"$T"*) ;; *) continue ;; esac
	name=$(basename "$t" .sh)
	start=$(date +%s)
	sh "$t" >"$log" 2>&1
	rc=$?
	if [ "$rc" -ne 0 ] || [ -n "$VERBOSE" ]; then sed 's/^/    /' "$log"; fi
	tally "$name ($(( $(date +%s) - start ))s)" "$rc"
done

[ -n "$bad" ] && echo "failing:$bad"
echo "$total_pass passed, $total_fail failed, $total_skip skipped"
[ "$total_fail" -eq 0 ]
