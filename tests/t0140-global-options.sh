#!/bin/sh
# t0140: global options and the command table: --help, unknown and missing
# commands, -v (what the judge did), -q (no table), --db and JUDGE_DB, the
# default database beside the catalogue.
. "$(dirname "$0")/lib.sh"
. "$ROOT/tests/catalog-fixture.sh"

expect_exit 0 "--help" "$JUDGE" --help
contains "--help lists the commands" "$OUT" "  submit      grade a solution on every test of a problem"
contains "--help gives the exit codes" "$OUT" "2 bad usage or input"
expect_exit 2 "no command" "$JUDGE"
contains "no command: usage" "$ERR" "usage: judge"
expect_exit 2 "unknown command" "$JUDGE" sumbit
equals "unknown command: one line" "$ERR" "judge: error: unknown command 'sumbit'; did you mean 'submit'? run 'judge help' to see the commands"
expect_exit 2 "unknown global option" "$JUDGE" --frobnicate list
equals "unknown global option: one line" "$ERR" "judge: error: unknown option '--frobnicate'; run 'judge --help' for the usage"

expect_exit 0 "-v list" "$JUDGE" -v list
contains "-v names the database" "$ERR" "judge: database '$JUDGE_DB'"
contains "-v says the catalogue was synced" "$ERR" "judge: synced 'problems.toml': 2 added, 0 updated, 0 unchanged, 0 retired"
expect_exit 0 "-v list again" "$JUDGE" -v list
contains "-v: unchanged the second time" "$ERR" "judge: catalogue 'problems.toml' unchanged"
expect_exit 0 "plain list is quiet on stderr" "$JUDGE" list
equals "no stderr without -v" "$ERR" ""

printf '#include <stdio.h>\nint main(void){long long a,b;scanf("%%lld %%lld",&a,&b);printf("%%lld\\n",a+b);return 0;}\n' > sum.c
expect_exit 0 "-q submit" "$JUDGE" -q submit alpha sum.c
lacks "-q: no table" "$OUT" "sample-1"
contains "-q: the summary stays" "$OUT" "alpha: AC (2/2 passed)"
expect_exit 0 "-v submit" "$JUDGE" -v submit alpha sum.c
contains "-v names the sandbox uid" "$ERR" "judge: sandbox worker as uid"

# --db wins over JUDGE_DB; without either, db/judge.db beside the catalogue
expect_exit 0 "--db" "$JUDGE" --db other.db list
check "--db made its own database" test -f other.db
(unset JUDGE_DB; mkdir -p elsewhere && cd elsewhere && "$JUDGE" --catalog ../problems.toml list >/dev/null 2>&1)
check "default database beside the catalogue" test -f db/judge.db
check "not in the folder it ran from" test ! -e elsewhere/db
finish
