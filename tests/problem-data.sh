# problem-data.sh: helpers for the problem set's data tests (t05x0), sourced
# after lib.sh. The programs are our own (validators, generators,
# solutions), built on the host.

# build OUT SRC: compile SRC to OUT; a failure is a test failure.
build() { gcc -O2 -std=gnu17 -o "$1" "$2" -lm 2>"$1.log" || fail "$2 compiles" "$(cat "$1.log")"; }

# generated_tests_exist: every test $P/gen.list names (problem folder P)
# was generated, input and answer.
generated_tests_exist() {
	while read -r name _; do
		case "$name" in ""|"#"*) continue ;; esac
		check "generated test $name exists (run make)" test -s "$P/tests/$name.in" -a -s "$P/tests/$name.ans"
	done < "$P/gen.list"
}

# toks FILE: the whitespace-separated tokens of FILE, one per line.
toks() { tr -s ' \t\n' '\n\n\n' < "$1" | sed '/^$/d'; }

# bad WHAT INPUT: ./val rejects INPUT (printf %b escapes) with exit 1 and
# exactly one line on stderr.
bad() {
	printf '%b' "$2" > bad.in
	run ./val < bad.in
	if [ "$RC" -eq 1 ] && [ -n "$ERR" ] && [ "$(printf '%s\n' "$ERR" | wc -l)" -eq 1 ]; then
		pass "rejects $1 ($ERR)"
	else
		fail "rejects $1: exit $RC" "$ERR"
	fi
}
