#!/bin/sh
# t1120: 'judge mutate' measures test strength: a deliberately weak copy of
# max-gap (its samples only) scores clearly lower than the copy with every
# committed test, on the same sixteen mutants of the reference; the JSON has
# exactly the keys of docs/design.md and its counts add up; the text report
# shows the survivors as one-line diffs and each test's kills.
. "$(dirname "$0")/lib.sh"
. "$ROOT/tests/mutate-fixture.sh"
command -v jq >/dev/null || skip "jq is not installed"
mutate_copy max-gap weak samples
mutate_copy max-gap full full
cp "$ROOT/solutions/max-gap/accepted/1-ref-buckets.c" ref.c

run "$JUDGE" mutate weak ref.c --max 16 --seed 1 -j 2 --json
equals "weak: exit 0" "$RC" 0
W=$OUT
set -- $(mutate_counts)
wk=$1 ws=$2
equals "weak: 16 mutants graded" "$4" 16
run "$JUDGE" mutate full ref.c --max 16 --seed 1 -j 2 --json
equals "full: exit 0" "$RC" 0
F=$OUT
set -- $(mutate_counts)
fk=$1 fs=$2
equals "full: 16 mutants graded" "$4" 16
check "weak ($wk killed, $ws survived) scores at least 0.2 below full ($fk, $fs)" \
	python3 -c "import sys; sys.exit(0 if $wk / ($wk + $ws) + 0.2 <= $fk / ($fk + $fs) else 1)"
check "every survivor of full also survives weak" sh -c '
	printf "%s" "$1" | jq -r ".solutions[].survivors[] | \"\(.line) \(.from) \(.to)\"" | sort > f.txt
	printf "%s" "$2" | jq -r ".solutions[].survivors[] | \"\(.line) \(.from) \(.to)\"" | sort > w.txt
	[ -s w.txt ] && [ -z "$(comm -23 f.txt w.txt)" ]' _ "$F" "$W"

# the JSON contract
for J in "$W" "$F"; do
	equals "json: top-level keys" "$(printf '%s' "$J" | jq -c 'keys')" \
		'["problem","score","solutions","tests"]'
	equals "json: solution keys" "$(printf '%s' "$J" | jq -c '.solutions[0] | keys')" \
		'["file","killed","mutants","score","stillborn","survived","survivors"]'
	equals "json: survivor keys" "$(printf '%s' "$J" | jq -c '[.solutions[].survivors[] | keys] | unique')" \
		'[["from","line","to"]]'
	equals "json: the file as given" "$(printf '%s' "$J" | jq -r '.solutions[0].file')" ref.c
	check "json: score = killed / (killed + survived), per solution and overall" \
		sh -c "printf '%s' '$J' | jq -e '(.solutions[0] | .score == .killed / (.killed + .survived)) and
			.score == .solutions[0].score and (.score | type == \"number\")'"
	check "json: the kills of the tests add up to the killed mutants" \
		sh -c "printf '%s' '$J' | jq -e '([.tests[].kills] | add) == ([.solutions[].killed] | add)'"
	check "json: killed + survived + stillborn = mutants" \
		sh -c "printf '%s' '$J' | jq -e '.solutions[0] | .killed + .survived + .stillborn == .mutants'"
done
equals "json: weak lists its tests in order" "$(printf '%s' "$W" | jq -r '[.tests[].name] | join(" ")')" \
	"sample-1 sample-2 sample-3"
equals "json: full lists every test" "$(printf '%s' "$F" | jq '.tests | length')" \
	"$(ls problems/full/tests/*.in | wc -l)"
check "json: a test beyond the samples kills what the samples let through" \
	sh -c "printf '%s' '$F' | jq -e '[.tests[] | select((.name | startswith(\"sample\") | not) and .kills > 0)] | length > 0'"
equals "json: the problem" "$(printf '%s' "$F" | jq -r .problem)" full

# the same run as text: cached mutants, the same numbers
run "$JUDGE" mutate weak ref.c --max 16 --seed 1 -j 2
equals "text: exit 0" "$RC" 0
contains "text: the header says what was sampled" "$OUT" "weak: 16 of "
contains "text: --max and --seed are named" "$OUT" "(--max 16, --seed 1)"
contains "text: the score line" "$OUT" "score: $wk/$((wk + ws)) killed = "
first=$(printf '%s' "$W" | jq -r '.solutions[0].survivors[0] | "ref.c:\(.line): '"'"'\(.from)'"'"' -> '"'"'\(.to)'"'"'"')
contains "text: a survivor as a one-line diff" "$OUT" "  $first"
check "text: a row per test that kills" sh -c "printf '%s\n' \"\$1\" | grep -Eq '^sample-1 +[0-9]+$'" _ "$OUT"

# another seed samples other mutants; the same seed the same ones
run "$JUDGE" mutate weak ref.c --max 4 --seed 1 --json
A=$(printf '%s' "$OUT" | jq -c '.solutions[0].mutants')
equals "--max 4: four mutants" "$A" 4
finish
