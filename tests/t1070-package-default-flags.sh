#!/bin/sh
# The Kattis default output validator end to end in a 2025-09 package, one
# test group per flag (output_validator_args in test_group.yaml): the
# solution prints its input, each input is the output to judge.
. "$(dirname "$0")/lib.sh"
mkdir -p pk/flags/data/secret pk/flags/statement pk/flags/submissions/accepted
printf 'problem_format_version: 2025-09\nname: Flags\nlimits:\n  time_limit: 1\n' > pk/flags/problem.yaml
echo "# Flags" > pk/flags/statement/problem.en.md
tc() { # GROUP NAME OUTPUT ANSWER
	mkdir -p "pk/flags/data/secret/$1"
	printf %b "$3" > "pk/flags/data/secret/$1/$2.in"
	printf %b "$4" > "pk/flags/data/secret/$1/$2.ans"
}
group() { printf 'output_validator_args: %s\n' "$2" > "pk/flags/data/secret/$1/test_group.yaml"; }
tc a-default 1 'YES  1.0\n\n' 'yes 1.0\n'
tc a-default 2 '1.0\n' '1\n'
tc b-case 1 'YES\n' 'yes\n'
tc b-case 2 'yes\n' 'yes\n'
group b-case '[case_sensitive]'
tc c-space 1 'a  b\n' 'a b\n'
tc c-space 2 'A b\n' 'a b\n'
tc c-space 3 'a b' 'a b\n'
group c-space '[space_change_sensitive]'
tc d-rel 1 '100.5\n' '100\n'
tc d-rel 2 '1.5\n' '1\n'
group d-rel '[float_relative_tolerance, "0.01"]'
tc e-abs 1 '1.4\n' '1\n'
tc e-abs 2 '100.6\n' '100\n'
tc e-abs 3 'one\n' '1\n'
group e-abs '[float_absolute_tolerance, "0.5"]'
tc f-both 1 '0.005\n' '0\n'
tc f-both 2 '100.5\n' '100\n'
tc f-both 3 '2\n' '1\n'
group f-both '[float_tolerance, "0.01"]'
printf '%s\n' '#include <stdio.h>' 'int main(void) { int c; while ((c = getchar()) != EOF) putchar(c); return 0; }' > pk/flags/submissions/accepted/cat.c
printf '[[problem]]\nid = "flags"\npackage = "pk/flags"\n' > problems.toml
run "$JUDGE" submit flags pk/flags/submissions/accepted/cat.c --all --json
equals "submit: judged" "$RC" 1
v() { printf '%s' "$OUT" | jq -r --arg n "secret/$1" '.tests[] | select(.name == $n) | .verdict'; }
equals "default: case and spacing free" "$(v a-default/1)" AC
equals "default: no tolerance, 1.0 is not 1" "$(v a-default/2)" WA
equals "case_sensitive: YES is not yes" "$(v b-case/1)" WA
equals "case_sensitive: yes" "$(v b-case/2)" AC
equals "space_change_sensitive: two spaces" "$(v c-space/1)" WA
equals "space_change_sensitive: still case-insensitive" "$(v c-space/2)" AC
equals "space_change_sensitive: the missing newline" "$(v c-space/3)" WA
equals "float_relative_tolerance: 0.5% of 100" "$(v d-rel/1)" AC
equals "float_relative_tolerance: 50% of 1" "$(v d-rel/2)" WA
equals "float_absolute_tolerance: 0.4" "$(v e-abs/1)" AC
equals "float_absolute_tolerance: 0.6" "$(v e-abs/2)" WA
equals "float_absolute_tolerance: a word for a number" "$(v e-abs/3)" WA
equals "float_tolerance: absolute" "$(v f-both/1)" AC
equals "float_tolerance: relative" "$(v f-both/2)" AC
equals "float_tolerance: neither" "$(v f-both/3)" WA
finish
