#!/bin/sh
# t0121: every command syncs the catalogue by itself: what is stored, the
# cheap size/mtime check, unchanged problems not rewritten, changed ones
# reloaded, dropped ones retired with their submissions kept, catalogue
# contests, and a database file used without its catalogue.
. "$(dirname "$0")/lib.sh"
. "$ROOT/tests/catalog-fixture.sh"
pristine_catalog

expect_exit 0 "list syncs a fresh database" "$JUDGE" list
contains "list: alpha" "$OUT" "alpha"
contains "list: beta" "$OUT" "beta"
equals "schema version: every migration applied" "$(sq 'PRAGMA user_version')" "$(grep -c '^-- migration [0-9]' "$ROOT/db/schema.sql")"
equals "WAL mode" "$(sq 'PRAGMA journal_mode')" wal

# what is stored
equals "alpha's fields" "$(sq "SELECT title, folder, time_limit_ms, memory_limit_mb, stack_limit_mb, output_limit_kb, checker, complexity, retired FROM problems WHERE id = 'alpha'")" \
	"Alpha|problems/alpha|1000|64|64|65536|tokens|O(1)|0"
equals "alpha's tags" "$(sq "SELECT tags FROM problems WHERE id = 'alpha'")" "math
easy"
equals "beta's stack limit and checker" "$(sq "SELECT stack_limit_mb, checker, checker_file FROM problems WHERE id = 'beta'")" "16|custom|checker.c"
equals "beta's checker source" "$(sq "SELECT checker_source FROM problems WHERE id = 'beta'")" "int main(void) { return 0; }"
equals "statement stored" "$(sq "SELECT statement FROM problems WHERE id = 'alpha'")" "$(cat problems/alpha/statement.md)"
equals "tests in name order, samples marked" "$(sq "SELECT ord, name, is_sample, rtrim(CAST(input AS TEXT), char(10)), rtrim(CAST(answer AS TEXT), char(10)) FROM tests WHERE problem = 'alpha' ORDER BY ord")" \
	"1|02-big|0|100 200|300
2|sample-1|1|1 2|3"
equals "test hash is sha256 of len:input len:answer" "$(sq "SELECT hash FROM tests WHERE name = 'sample-1'")" \
	"$(printf '4:1 2\n2:3\n' | sha256sum | cut -c1-64)"
equals "catalogue contest" "$(sq "SELECT id, title, duration_minutes, freeze_minutes, penalty_minutes, source FROM contests")" "cup|Cup|60|0|20|catalog"
equals "contest letters" "$(sq "SELECT letter || '=' || problem FROM contest_problems ORDER BY letter")" "A=beta
B=alpha"

# nothing changed: nothing is written
SUM=$(dbsum)
expect_exit 0 "list again" "$JUDGE" list
equals "no change, no write" "$(dbsum)" "$SUM"

# the cheap check: a file rewritten in place with the same size and mtime
# is not even read; 'judge import' reads and hashes everything
touch -r problems/alpha/tests/sample-1.ans "$SCRATCH/.mtime"
printf '4\n' > problems/alpha/tests/sample-1.ans
touch -r "$SCRATCH/.mtime" problems/alpha/tests/sample-1.ans
expect_exit 0 "show after a same-size, same-mtime edit" "$JUDGE" show alpha
contains "the cheap check skipped it" "$OUT" "sample-1: answer
3"
expect_exit 0 "import" "$JUDGE" import
equals "import found the change" "$OUT" "imported 'problems.toml': 0 added, 1 updated, 1 unchanged, 0 retired; 1 contest"
expect_exit 0 "show after import" "$JUDGE" show alpha
contains "the new answer is stored" "$OUT" "sample-1: answer
4"

# touching files without changing them rewrites nothing
IDS=$(sq "SELECT group_concat(id) FROM tests")
touch problems/alpha/tests/* problems/beta/statement.md problems.toml
expect_exit 0 "import after touch" "$JUDGE" import
equals "touch: all unchanged" "$OUT" "imported 'problems.toml': 0 added, 0 updated, 2 unchanged, 0 retired; 1 contest"
equals "touch: test rows kept" "$(sq "SELECT group_concat(id) FROM tests")" "$IDS"

# a changed test reloads that problem only
BETA_IDS=$(sq "SELECT group_concat(id) FROM tests WHERE problem = 'beta'")
printf '30\n' > problems/alpha/tests/sample-1.ans
printf '7 8\n' > problems/alpha/tests/03-new.in
printf '15\n' > problems/alpha/tests/03-new.ans
expect_exit 0 "show after changing alpha" "$JUDGE" show alpha
contains "show sees the new answer" "$OUT" "sample-1: answer
30"
equals "alpha has its new test" "$(sq "SELECT group_concat(name) FROM tests WHERE problem = 'alpha' ORDER BY ord")" "02-big,03-new,sample-1"
equals "beta not rewritten" "$(sq "SELECT group_concat(id) FROM tests WHERE problem = 'beta'")" "$BETA_IDS"
edit 'time_limit_ms = 1000' 'time_limit_ms = 1500'
expect_exit 0 "import after a limit change" "$JUDGE" import
equals "limit change: one updated" "$OUT" "imported 'problems.toml': 0 added, 1 updated, 1 unchanged, 0 retired; 1 contest"
equals "new limit stored" "$(sq "SELECT time_limit_ms FROM problems WHERE id = 'alpha'")" 1500

# a dropped problem is retired, its submissions kept
sq "INSERT INTO submissions (problem, user, source, source_hash, submitted_at, status, verdict, passed, total) VALUES ('alpha', 'ana', 'int main(){}', 'h', 0, 'done', 'AC', 3, 3)"
expect_exit 0 "list as ana" env LOGNAME=ana "$JUDGE" list
check "ana's best on alpha is AC" sh -c "printf '%s\n' \"\$0\" | grep -Eq '^alpha .* AC\$'" "$OUT"
check "ana has not tried beta" sh -c "printf '%s\n' \"\$0\" | grep -Eq '^beta .* -\$'" "$OUT"
expect_exit 0 "list as bob" env LOGNAME=bob "$JUDGE" list
lacks "bob has no verdicts" "$OUT" " AC"
python3 - <<'PY'
s = open("problems.toml").read()
start = s.index("[[problem]]")
end = s.index("[[problem]]", start + 1)
s = s[:start] + s[end:]
s = s.replace('problems = ["beta", "alpha"]', 'problems = ["beta"]')
open("problems.toml", "w").write(s)
PY
expect_exit 0 "import without alpha" "$JUDGE" import
equals "alpha retired" "$OUT" "imported 'problems.toml': 0 added, 0 updated, 1 unchanged, 1 retired; 1 contest"
expect_exit 0 "list" "$JUDGE" list
lacks "retired problem not listed" "$OUT" "alpha"
expect_exit 0 "list --all" "$JUDGE" list --all
contains "list --all shows it" "$OUT" "alpha (retired)"
equals "its submission is kept" "$(sq "SELECT count(*) FROM submissions WHERE problem = 'alpha'")" 1
expect_exit 0 "a retired problem can still be shown" "$JUDGE" show alpha
contains "show says it is retired" "$OUT" "(retired: no longer in the catalogue)"
equals "contest follows the catalogue" "$(sq "SELECT group_concat(problem) FROM contest_problems")" beta

# the database alone is a complete problem set
cp "$JUDGE_DB" "$SCRATCH/copy.db"
mkdir elsewhere
(cd elsewhere && JUDGE_DB="$SCRATCH/copy.db" "$JUDGE" --catalog "$SCRATCH/elsewhere/none.toml" show beta) >"$SCRATCH/.o" 2>&1
contains "a copied database works without its catalogue" "$(cat "$SCRATCH/.o")" "beta: Beta"
rm -f "$SCRATCH/empty.db"
export JUDGE_DB="$SCRATCH/empty.db"
expect_exit 2 "no catalogue and an empty database" "$JUDGE" --catalog "$SCRATCH/none.toml" list
contains "says what is missing" "$ERR" "no catalogue '$SCRATCH/none.toml'"

# folders are relative to the catalogue file's folder, wherever it is
mkdir sub
cp -r "$SCRATCH/.pristine/problems" "$SCRATCH/.pristine/problems.toml" sub/
export JUDGE_DB="$SCRATCH/sub.db"
expect_exit 0 "import a catalogue in another folder" "$JUDGE" import sub/problems.toml
equals "both problems found" "$OUT" "imported 'sub/problems.toml': 2 added, 0 updated, 0 unchanged, 0 retired; 1 contest"
expect_exit 0 "later commands with the same --catalog" "$JUDGE" --catalog sub/problems.toml show alpha
contains "show from it" "$OUT" "alpha: Alpha"

finish
