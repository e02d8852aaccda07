#!/bin/sh
# t1080: hidden-graph data (an interactive problem). Every test input passes
# the validator and bad inputs are rejected; gen is deterministic and valid
# in every mode; every answer file holds the number of components (counted
# here by a union-find of the test's edges), and the reference, talking with
# the interactor through two pipes, is accepted with exactly n questions
# (the interactor's message counts them).
. "$(dirname "$0")/lib.sh"
. "$ROOT/tests/problem-data.sh"
command -v python3 >/dev/null || skip "python3 is not installed"
command -v mkfifo >/dev/null || skip "mkfifo is not installed"

ID=hidden-graph
P=$ROOT/problems/$ID
S=$ROOT/solutions/$ID
build val "$P/validator.c"
build gen "$P/gen.c"
build inter "$P/interactor.c"
build ref "$S/accepted/1-ref-dfs-recursive.c"

# components FILE...: "NAME K" for each test: its number of connected
# components (union-find over the test's edges), one python for them all
components() {
	python3 -c '
import os, sys
for path in sys.argv[1:]:
    t = open(path).read().split()
    n, m = int(t[0]), int(t[1])
    p = list(range(n + 1))
    def f(v):
        while p[v] != v:
            p[v] = p[p[v]]; v = p[v]
        return v
    for i in range(m):
        p[f(int(t[2 + 2 * i]))] = f(int(t[3 + 2 * i]))
    print(os.path.basename(path)[:-3], sum(1 for v in range(1, n + 1) if f(v) == v))' "$@"
}

# talk IN: the reference against the interactor: "exit message"
mkfifo fifo
mkdir fb
talk() {
	rm -f fb/judgemessage.txt
	./ref < fifo | ./inter "$1" /dev/null fb/ > fifo
	echo "$? $(cat fb/judgemessage.txt)"
}

generated_tests_exist

components "$P"/tests/*.in > counts
n=0
while read -r t k; do
	in=$P/tests/$t.in
	n=$((n + 1))
	expect_exit 0 "$t passes the validator" ./val < "$in"
	equals "$t: the answer file is the number of components" "$(cat "$P/tests/$t.ans")" "$k"
	v=$(head -n 1 "$in" | cut -d' ' -f1)
	equals "$t: the reference is accepted with n questions" "$(talk "$in")" \
		"42 $k components found with $v questions"
done < counts
check "at least 12 tests" test "$n" -ge 12
equals "t31-gen-max-isolated: 1000 components" "$(cat "$P/tests/t31-gen-max-isolated.ans")" 1000
equals "t30-gen-max-path: one component" "$(cat "$P/tests/t30-gen-max-path.ans")" 1

bad "n = 0" '0 0\n'
bad "n = 1001" '1001 0\n'
bad "m = 10001" '5 10001\n'
bad "a loop" '3 1\n2 2\n'
bad "an edge twice" '3 2\n1 2\n2 1\n'
bad "a vertex out of range" '3 1\n1 4\n'
bad "a missing edge" '3 2\n1 2\n'
bad "an extra line" '3 1\n1 2\n2 3\n'
bad "a trailing space" '3 1\n1 2 \n'
bad "a leading zero" '03 0\n'
bad "empty input" ''

./gen 5 300 > g1; ./gen 5 300 > g2; ./gen 6 300 > g3
check "gen is deterministic" cmp -s g1 g2
check "gen depends on the seed" test "$(cat g1)" != "$(cat g3)"
for mode in random forest path isolated dense; do
	for size in 1 2 7 64 1500; do
		./gen 9 $size $mode > g
		expect_exit 0 "gen 9 $size $mode is valid" ./val < g
	done
done
equals "gen SIZE is clamped to 1000" "$(head -n 1 g)" "1000 10000"
./gen 1 50 path > path.in
./gen 1 50 isolated > isolated.in
equals "a path is one component, isolated vertices n components" \
	"$(components path.in isolated.in | tr '\n' ' ')" "path 1 isolated 50 "
expect_exit 2 "gen rejects an unknown mode" ./gen 1 5 spiral

# the interactor's own verdicts, run by hand
printf '? 1\n? 1\n? 1\n? 1\n' > q
run sh -c './inter "$1" /dev/null fb/ < q > /dev/null; echo $?; cat fb/judgemessage.txt' sh "$P/tests/t02-one-edge.in"
equals "a third question about a 2-vertex graph is one too many" "$OUT" "43
too many questions: more than n = 2"
printf '! 3\n' > q
run sh -c './inter "$1" /dev/null fb/ < q > /dev/null; echo $?; cat fb/judgemessage.txt' sh "$P/tests/sample-1.in"
equals "a wrong count is rejected" "$OUT" "43
wrong answer: 3 components, expected 2"
printf '? 0\n' > q
run sh -c './inter "$1" /dev/null fb/ < q > /dev/null; echo $?' sh "$P/tests/sample-1.in"
equals "vertex 0 is rejected" "$OUT" 43
run sh -c './inter "$1" /dev/null fb/ < /dev/null > /dev/null; echo $?; cat fb/judgemessage.txt' sh "$P/tests/sample-1.in"
equals "no answer at all is rejected" "$OUT" "43
the program ended without writing '! k' (after 0 questions)"
finish
