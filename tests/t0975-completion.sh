#!/bin/sh
# t0975: shell completion. 'judge completion bash' prints a script; with it
# sourced in bash, _judge fills COMPREPLY for COMP_WORDS/COMP_CWORD with
# commands, options (read from each command's usage), option values,
# problem ids, contest ids and subcommands; nothing (file names) where a
# file goes. 'judge completion zsh' is the same for zsh.
. "$(dirname "$0")/lib.sh"
. "$ROOT/tests/grade_fixtures.sh"
command -v bash >/dev/null || skip "no bash"
grade_fixtures
cat >> problems.toml <<'TOML'
[[contest]]
id = "cup"
title = "Cup"
problems = ["sum"]
duration_minutes = 60
TOML
expect_exit 0 "import" "$JUDGE" import
expect_exit 0 "completion bash" "$JUDGE" completion bash
printf '%s\n' "$OUT" > judge.bash

# comp WORD...: COMPREPLY for the line (the last word is the one completed),
# sorted, on one line.
export SCRATCH JUDGE
cat > comp.sh <<'SH'
#!/bin/sh
bash -c '. "$SCRATCH/judge.bash"
	COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
	_judge
	[ ${#COMPREPLY[@]} -eq 0 ] || printf "%s\n" "${COMPREPLY[@]}" | sort | tr "\n" " "' _ "$JUDGE" "$@"
SH
chmod +x comp.sh
comp() {
	bash -c '. "$SCRATCH/judge.bash"
		COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
		_judge
		[ ${#COMPREPLY[@]} -eq 0 ] || printf "%s\n" "${COMPREPLY[@]}" | sort | tr "\n" " "' _ "$JUDGE" "$@"
}
equals "commands" "$(comp su)" "submit "
equals "commands: all of them" "$(comp '' | wc -w)" "$("$JUDGE" help | grep -c '^  [a-z]')"
equals "global options" "$(comp --no)" "--no-color "
equals "problem ids" "$(comp submit echo-)" "echo-custom echo-exact echo-float echo-lines echo-regex echo-tokens "
equals "problem ids for judge test" "$(comp test su)" "sum "
equals "a file after the id: nothing (file names)" "$(comp submit sum '')" ""
equals "options from the command's usage" "$(comp submit --a)" "--all "
equals "judge test's options" "$(comp test --)" "--json --lang --repeat --user "
equals "an option's values" "$(comp submit sum x.c --lang '')" "c c++ "
equals "an option's value is skipped" "$(comp submit --user ana s)" "sum "
equals "contest subcommands" "$(comp contest st)" "start status "
equals "contest ids" "$(comp contest scoreboard '')" "cup "
equals "contest submit: then the problem" "$(comp contest submit cup s)" "sum "
equals "cases actions" "$(comp cases '')" "add list rm "
equals "cases: then the problem" "$(comp cases add su)" "sum "
equals "completion shells" "$(comp completion '')" "bash zsh "
equals "--catalog is honoured" "$(mkdir -p other/problems/zz/tests && cd other && printf '[[problem]]\nid = "zz"\ntitle = "Z"\ntime_limit_ms = 1000\nmemory_limit_mb = 64\nchecker = "exact"\n' > p.toml && printf '1\n' > problems/zz/tests/a.in && cp problems/zz/tests/a.in problems/zz/tests/a.ans && echo '# zz' > problems/zz/statement.md && JUDGE_DB=$SCRATCH/other/j.db comp --catalog p.toml show '')" "zz "
sq() { sqlite3 "$JUDGE_DB" "$1"; }
equals "--catalog without --db: ids from the database beside it" \
	"$(cd other && env -u JUDGE_DB "$SCRATCH/comp.sh" --catalog p.toml show '')" "zz "
check "--catalog without --db: that database is the one beside it" test -s other/db/judge.db
equals "--catalog without --db: the other database retires nothing" \
	"$(sq "SELECT count(*) FROM problems WHERE retired = 0 AND id = 'sum'")" 1

run "$JUDGE" completion zsh
contains "zsh: defines the completion" "$OUT" "compdef _judge judge bin/judge"
if command -v zsh >/dev/null; then
	printf '%s\n' "$OUT" > judge.zsh
	check "zsh: the script parses" zsh -n judge.zsh
else
	skip_part "no zsh to parse the zsh script"
fi
run "$JUDGE" completion fish
equals "an unknown shell: exit 2" "$RC" 2
finish
