#!/bin/sh
# t0970: 'judge new ID' scaffolds a problem in a scratch copy of the
# catalogue: the folder (statement, a sample, tests, gen.c, validator.c),
# the stored solutions and the [[problem]] entry appended with the rest of
# the file kept byte for byte; 'judge regress ID' passes at once, and the
# generator and validator work with stress. A bad or taken id is exit 2 and
# writes nothing. The real problems.toml is never touched.
. "$(dirname "$0")/lib.sh"
need_root
mkdir -p problems solutions
cp -r "$ROOT/problems/a-plus-b" problems/
cp -r "$ROOT/solutions/a-plus-b" solutions/
{
	sed -n '1,/^complexity = "O(1)"$/p' "$ROOT/problems.toml"
	printf '\n[[contest]]\nid = "mini"\ntitle = "Mini"\nproblems = ["a-plus-b"]\nduration_minutes = 60\n'
} > problems.toml
cp problems.toml before.toml
real_sum=$(cksum < "$ROOT/problems.toml")

run "$JUDGE" new two-sum --title "Two Sum"
equals "new: exit 0" "$RC" 0
contains "new: lists what it wrote" "$OUT" "problems/two-sum/validator.c"
contains "new: and the catalogue" "$OUT" "problems.toml (its [[problem]] entry appended)"
for f in statement.md tests/sample-1.in tests/sample-1.ans gen.c validator.c; do
	check "new: problems/two-sum/$f" test -s "problems/two-sum/$f"
done
check "new: a reference solution" test -s solutions/two-sum/accepted/ref.c
n=$(wc -c < before.toml)
check "new: the catalogue's old text kept byte for byte" cmp -n "$n" before.toml problems.toml
equals "new: the entry appended" "$(tail -n +$(($(wc -l < before.toml) + 1)) problems.toml | grep -c '^id = "two-sum"$')" 1
run "$JUDGE" list --json
equals "new: listed after a-plus-b" "$(printf '%s' "$OUT" | jq -c '[.[].id]')" '["a-plus-b","two-sum"]'
run "$JUDGE" show two-sum
contains "new: the title" "$OUT" "two-sum: Two Sum"
contains "new: the sample is in the statement" "$OUT" "sample-1: in the statement above"

expect_exit 0 "regress passes at once" "$JUDGE" regress two-sum
contains "regress: both solutions as promised" "$OUT" "2 solutions: 2 matched, 0 mismatched"
run "$JUDGE" stress two-sum solutions/two-sum/wrong_answer/int-sum.c --json
equals "stress: the generator finds the int overflow" "$(printf '%s' "$OUT" | jq -r .found)" true
printf '2\n1  2\n' > bad.in
run "$JUDGE" cases add two-sum bad.in
equals "the validator refuses a bad input" "$RC" 2

cp problems.toml after.toml
run "$JUDGE" new two-sum
equals "a taken id: exit 2" "$RC" 2
contains "a taken id: why" "$ERR" "judge: error: problem 'two-sum' is already in the catalogue"
run "$JUDGE" new Two_Sum
equals "a bad id: exit 2" "$RC" 2
contains "a bad id: why" "$ERR" "bad problem id 'Two_Sum'"
run "$JUDGE" new -- -x
equals "an id starting with '-': exit 2" "$RC" 2
mkdir -p problems/stray
run "$JUDGE" new stray
equals "an existing folder: exit 2" "$RC" 2
contains "an existing folder: why" "$ERR" "already exists"
check "refused: the catalogue unchanged" cmp problems.toml after.toml
check "refused: nothing written" sh -c '! test -e problems/Two_Sum && ! test -e solutions/stray && ! test -e problems/-x'
equals "the real catalogue untouched" "$(cksum < "$ROOT/problems.toml")" "$real_sum"
finish
