#!/bin/sh
# t0120: 'judge import', 'judge list' and 'judge show' on the real a-plus-b
# package: the summary, aligned columns, colour only on a terminal, the
# statement with its samples, and unknown ids with a suggestion.
. "$(dirname "$0")/lib.sh"
[ -d "$ROOT/problems/a-plus-b/tests" ] || skip "problems/a-plus-b is missing"
mini_catalog

NTESTS=$(ls problems/a-plus-b/tests/*.in | wc -l)
NSAMPLES=$(ls problems/a-plus-b/tests/sample*.in | wc -l)

expect_exit 0 "import" "$JUDGE" import
equals "import summary" "$OUT" "imported 'problems.toml': 1 added, 0 updated, 0 unchanged, 0 retired; 0 contests"
SUM=$(dbsum)
expect_exit 0 "import again" "$JUDGE" import
equals "second import changes nothing" "$OUT" "imported 'problems.toml': 0 added, 0 updated, 1 unchanged, 0 retired; 0 contests"
equals "second import leaves the database as it was" "$(dbsum)" "$SUM"
expect_exit 0 "import -q" "$JUDGE" -q import
equals "import -q is quiet" "$OUT" ""

expect_exit 0 "list" "$JUDGE" list
equals "list: header then one row" "$(printf '%s\n' "$OUT" | wc -l)" 2
HEAD=$(printf '%s\n' "$OUT" | sed -n 1p)
ROW=$(printf '%s\n' "$OUT" | sed -n 2p)
contains "list: header" "$HEAD" "ID"
check "list: a-plus-b row" sh -c "printf '%s\n' '$ROW' | grep -Eq '^a-plus-b +A \+ B +1000 ms +256 MB +tokens +math, overflow +$NTESTS +-$'"
# columns are aligned: each header word starts where its cell starts
for col in TITLE TIME MEMORY CHECKER TAGS BEST; do
	hpos=$(printf '%s\n' "$HEAD" | awk -v w="$col" '{ print index($0, w) }')
	case $col in
	TITLE) cell="A + B" ;; TIME) cell="1000 ms" ;; MEMORY) cell="256 MB" ;;
	CHECKER) cell="tokens" ;; TAGS) cell="math, overflow" ;; BEST) cell="-" ;;
	esac
	rpos=$(printf '%s\n' "$ROW" | awk -v w="$cell" '{ print index($0, w) }')
	[ "$col" = BEST ] && rpos=$(( ${#ROW} ))
	equals "list: column $col aligned" "$rpos" "$hpos"
done
lacks "list: no colour when not a terminal" "$OUT" "$(printf '\033')"

# colour on a terminal, unless NO_COLOR or --no-color
TTYOUT=$(env -u NO_COLOR script -qec "$JUDGE list" /dev/null 2>/dev/null)
contains "list: colour on a terminal" "$TTYOUT" "$(printf '\033[1m')"
TTYOUT=$(NO_COLOR=1 script -qec "$JUDGE list" /dev/null 2>/dev/null)
lacks "list: NO_COLOR respected on a terminal" "$TTYOUT" "$(printf '\033')"
TTYOUT=$(env -u NO_COLOR script -qec "$JUDGE --no-color list" /dev/null 2>/dev/null)
lacks "list: --no-color respected" "$TTYOUT" "$(printf '\033')"

expect_exit 0 "show" "$JUDGE" show a-plus-b
contains "show: title" "$OUT" "a-plus-b: A + B"
contains "show: time limit" "$OUT" "time limit: 1000 ms"
contains "show: memory limit" "$OUT" "memory limit: 256 MB"
contains "show: stack defaults to memory" "$OUT" "stack limit: 256 MB"
contains "show: output limit default" "$OUT" "output limit: 64 MB"
contains "show: checker" "$OUT" "checker: tokens"
contains "show: tags" "$OUT" "tags: math, overflow"
contains "show: complexity" "$OUT" "complexity: O(1)"
contains "show: test count" "$OUT" "tests: $NTESTS ($NSAMPLES samples)"
contains "show: the statement" "$OUT" "$(sed -n 1p problems/a-plus-b/statement.md)"
# the statement shows the samples: they are not printed a second time
for f in problems/a-plus-b/tests/sample*.in; do
	equals "show: $(basename "$f") once" "$(printf '%s\n' "$OUT" | grep -cxF -e "$(cat "$f")")" 1
done
contains "show: the samples are named" "$OUT" "sample-1, sample-2, sample-3: in the statement above"
lacks "show: no sample section" "$OUT" "sample-1: input"
lacks "show: no hidden tests" "$OUT" "t01-zeros: input"

# --json: the same facts, for scripts
expect_exit 0 "list --json" "$JUDGE" list --json
check "list --json: one a-plus-b object with every field" jq -e --argjson n "$NTESTS" '
	length == 1 and .[0].id == "a-plus-b" and .[0].title == "A + B" and
	.[0].time_limit_ms == 1000 and .[0].memory_limit_mb == 256 and .[0].stack_limit_mb == 256 and
	.[0].output_limit_kb == 65536 and .[0].checker == "tokens" and
	.[0].tags == ["math", "overflow"] and .[0].complexity == "O(1)" and .[0].tests == $n and
	.[0].best == null and .[0].retired == false' .out
expect_exit 0 "show --json" "$JUDGE" show a-plus-b --json
check "show --json: limits, checker, statement" jq -e --rawfile st problems/a-plus-b/statement.md '
	.id == "a-plus-b" and .time_limit_ms == 1000 and .checker == "tokens" and
	.complexity == "O(1)" and .statement == $st and (has("abs_tolerance") | not)' .out
check "show --json: the samples with input and answer, no hidden test" jq -e \
	--rawfile in problems/a-plus-b/tests/sample-1.in --rawfile ans problems/a-plus-b/tests/sample-1.ans \
	--argjson ns "$NSAMPLES" '
	(.samples | length) == $ns and .samples[0].name == "sample-1" and
	.samples[0].input == $in and .samples[0].answer == $ans and
	all(.samples[]; .name | startswith("sample"))' .out
expect_exit 2 "show --json: unknown id" "$JUDGE" show a-plus-c --json
equals "show --json: nothing on stdout" "$OUT" ""

expect_exit 2 "show: unknown id" "$JUDGE" show a-plus-c
equals "show: suggestion" "$ERR" "judge: error: unknown problem 'a-plus-c'; did you mean 'a-plus-b'? run 'judge list' to see the problem ids"
expect_exit 2 "show: unknown id, nothing close" "$JUDGE" show zzzzzzzz
equals "show: no suggestion" "$ERR" "judge: error: unknown problem 'zzzzzzzz'; run 'judge list' to see the problem ids"
expect_exit 2 "show: no id" "$JUDGE" show
expect_exit 2 "list: stray argument" "$JUDGE" list a-plus-b
expect_exit 2 "import: a missing file" "$JUDGE" import nope.toml
contains "import: names the missing file" "$ERR" "'nope.toml'"

finish
