#!/bin/sh
# t1082: the judge's tools on an interactive problem (hidden-graph):
# 'judge stress' runs the reference and the candidate each against the
# interactor and shrinks a counterexample; 'judge complexity' measures a
# solution talking to the interactor (the class is not asserted: timing);
# a contest takes an
# interactive submission; 'judge show' and 'judge list' say it is
# interactive.
. "$(dirname "$0")/lib.sh"
[ -x "$JUDGE" ] || skip "bin/judge is not built"
command -v jq >/dev/null || skip "jq is not installed"

S=$ROOT/solutions/hidden-graph
J="$JUDGE --catalog $ROOT/problems.toml"

run $J stress hidden-graph "$S/wrong_answer/edges-formula.c" --iterations 60 --json
equals "stress: the n - m formula is caught (exit 1)" "$RC" 1
equals "stress: WA" "$(printf '%s' "$OUT" | jq -r .verdict)" WA
check "stress: the minimal graph has a cycle (more edges than a forest)" sh -c \
	"printf '%s' '$OUT' | jq -r .input | awk 'NR == 1 { exit !(\$2 >= \$1) }'"
run $J stress hidden-graph "$S/wrong_answer/too-many-queries.c" --iterations 60
equals "stress: too many questions (exit 1)" "$RC" 1
contains "stress: the interactor said why" "$OUT" "interactor: too many questions"
case "$OUT" in
*"expected ("*) fail "stress: no expected/got outputs for an interactive problem" "$OUT" ;;
*) pass "stress: no expected/got outputs for an interactive problem" ;;
esac
run $J stress hidden-graph "$S/accepted/3-union-find.c" --iterations 8 --json
equals "stress: an accepted solution agrees (exit 0)" "$RC" 0

run $J complexity hidden-graph "$S/accepted/1-ref-dfs-recursive.c" --max-size 300 --json
check "complexity: measured against the interactor (exit 0 or 1)" test "$RC" -le 1
check "complexity: points up to the maximum size asked" sh -c \
	"printf '%s' '$OUT' | jq -e '(.points | length >= 5) and (.points[-1][0] == 300)'"

JUDGE_NOW=2026-12-01T10:00:00Z $J contest create graphs --problems hidden-graph --duration 1h >/dev/null
JUDGE_NOW=2026-12-01T10:00:00Z $J contest start graphs --user ana >/dev/null
JUDGE_NOW=2026-12-01T10:05:00Z run $J contest submit graphs A "$S/wrong_answer/edges-formula.c" --user ana --json
equals "contest: WA" "$(printf '%s' "$OUT" | jq -r .verdict)" WA
JUDGE_NOW=2026-12-01T10:30:00Z run $J contest scoreboard graphs --json
equals "contest: one wrong try on the scoreboard" \
	"$(printf '%s' "$OUT" | jq -c '.rows[0].problems[0] | [.solved, .attempts]')" "[false,1]"

run $J show hidden-graph
contains "show: interactive, the interactor and its contract" "$OUT" \
	"interactive: interactor.c (kattis contract); wall limit 5000 ms"
run $J show hidden-graph --json
equals "show --json: interactor fields" "$(printf '%s' "$OUT" | jq -c '[.interactor, .interactor_contract]')" \
	'["interactor.c","kattis"]'
run $J list --json
equals "list --json: interactive" "$(printf '%s' "$OUT" | jq '.[] | select(.id == "hidden-graph") | .interactive')" true
finish
