#!/bin/sh
# t0122: a database made by an older judge (schema version 1 only) is
# migrated in place, keeping its rows; a newer one is refused untouched.
. "$(dirname "$0")/lib.sh"
. "$ROOT/tests/catalog-fixture.sh"

LATEST=$(grep -c '^-- migration [0-9]' "$ROOT/db/schema.sql")
awk '/^-- migration 2$/ { exit } { print }' "$ROOT/db/schema.sql" > v1.sql
sqlite3 "$JUDGE_DB" < v1.sql
sq "PRAGMA user_version = 1"
sq "INSERT INTO problems (id, title, folder, position, time_limit_ms, memory_limit_mb, stack_limit_mb, output_limit_kb, checker, statement, content_hash, updated_at) VALUES ('old', 'Old', 'problems/old', 0, 1, 1, 1, 1, 'exact', 's', 'h', 0)"
sq "INSERT INTO submissions (problem, user, source, source_hash, submitted_at, status, verdict) VALUES ('old', 'ana', 'x', 'h', 0, 'done', 'WA')"

expect_exit 0 "an old database opens" "$JUDGE" list
equals "migrated to the latest version" "$(sq 'PRAGMA user_version')" "$LATEST"
equals "its submission kept" "$(sq "SELECT count(*) FROM submissions WHERE problem = 'old'")" 1
equals "its problem retired (not in the catalogue)" "$(sq "SELECT retired FROM problems WHERE id = 'old'")" 1
contains "the catalogue loaded" "$OUT" "alpha"
run "$JUDGE" history --json
check "an old submission has no file name" jq -e 'length == 1 and .[0].file == null' .out
run "$JUDGE" history
check "history shows - for its file" sh -c "printf '%s\n' '$OUT' | sed -n 2p | grep -q ' -\$'"

sq "PRAGMA user_version = 999"
SUM=$(dbsum)
expect_exit 3 "a newer database is refused" "$JUDGE" list
contains "says why" "$ERR" "has schema version 999, newer than this judge knows ($LATEST)"
equals "and leaves it alone" "$(dbsum)" "$SUM"

finish
