#!/bin/sh
# t1121: 'judge mutate --stress' on a copy of max-gap with its samples only:
# the generator finds inputs that kill surviving mutants, shrunk and valid;
# survivors nothing kills are "possibly equivalent"; --save writes the
# inputs as new tests answered by the reference, and the next run kills
# those mutants with them. The search is bounded by --iterations (the
# time bound is far away), so the outcome does not depend on the load.
. "$(dirname "$0")/lib.sh"
. "$ROOT/tests/mutate-fixture.sh"
command -v jq >/dev/null || skip "jq is not installed"
command -v cc >/dev/null || skip "no host C compiler for the validator"
mutate_copy max-gap weak samples
cp "$ROOT/solutions/max-gap/accepted/1-ref-buckets.c" ref.c
cc -O2 -o validator problems/weak/validator.c || fail "the validator builds on the host"

run "$JUDGE" mutate weak ref.c --max 16 --seed 1 -j 2 --json
B=$OUT
set -- $(mutate_counts)
before_k=$1 before_s=$2
check "before: some mutants survive the samples ($before_s)" test "$before_s" -gt 0

run "$JUDGE" mutate weak ref.c --max 16 --seed 1 -j 2 --stress --time 120 --iterations 30 --save --json
equals "--stress: exit 0" "$RC" 0
S=$OUT
nfound=$(printf '%s' "$S" | jq '[.solutions[].survivors[] | select(has("killing_input"))] | length')
check "--stress: a killing input for at least one survivor ($nfound)" test "$nfound" -gt 0
equals "--stress: the same survivors as without it" \
	"$(printf '%s' "$S" | jq -c '[.solutions[].survivors[] | [.line, .from, .to]]')" \
	"$(printf '%s' "$B" | jq -c '[.solutions[].survivors[] | [.line, .from, .to]]')"
printf '%s' "$S" | jq -j '[.solutions[].survivors[] | select(has("killing_input"))][0].killing_input' > found.in
check "--stress: the killing input passes the validator" sh -c './validator < found.in'
n=$(head -n 1 found.in)
check "--stress: the input is shrunk (n = $n <= 10)" test "$n" -le 10
check "--save: t90-mutant-01.in and .ans are in the problem's tests" \
	test -f problems/weak/tests/t90-mutant-01.in -a -f problems/weak/tests/t90-mutant-01.ans
equals "--save: the first input found is t90-mutant-01" "$(cat problems/weak/tests/t90-mutant-01.in)" "$(cat found.in)"
check "--save: the saved input passes the validator" sh -c './validator < problems/weak/tests/t90-mutant-01.in'
equals "--save: the answer is the reference's output" \
	"$(cat problems/weak/tests/t90-mutant-01.ans)" \
	"$("$JUDGE" run ref.c --stdin problems/weak/tests/t90-mutant-01.in --json | jq -r .stdout)"
nsaved=$(ls problems/weak/tests/t90-mutant-*.in | wc -l)
check "--save: one test per distinct input ($nsaved <= $nfound)" test "$nsaved" -le "$nfound"

# the next run grades the new tests too
run "$JUDGE" mutate weak ref.c --max 16 --seed 1 -j 2 --json
set -- $(mutate_counts)
check "after --save: more mutants killed ($before_k -> $1)" test "$1" -gt "$before_k"
equals "after --save: the survivors with a killing input are killed" "$2" "$((before_s - nfound))"
equals "after --save: t90-mutant-01 comes after the samples" \
	"$(printf '%s' "$OUT" | jq -r '.tests[3].name')" t90-mutant-01
check "after --save: t90-mutant-01 kills" sh -c "printf '%s' '$OUT' | jq -e '.tests[] | select(.name == \"t90-mutant-01\") | .kills > 0'"

# what is left is possibly equivalent (text)
run "$JUDGE" mutate weak ref.c --max 16 --seed 1 -j 2 --stress --time 120 --iterations 10
equals "text: exit 0" "$RC" 0
contains "text: an equivalent mutant is named so" "$OUT" "ref.c:18: '==' -> '<='  possibly equivalent"
lacks "text: nothing new is saved without --save" "$(ls problems/weak/tests)" "t90-mutant-0$((nsaved + 1))"
finish
