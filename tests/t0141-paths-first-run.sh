#!/bin/sh
# t0141: paths and the first run. A mistyped --db or --catalog never creates
# folders or files; --db naming a folder is bad usage with a hint; a user who
# cannot write the checkout is told what to do; only the default database
# beside the catalogue gets its folder created.
. "$(dirname "$0")/lib.sh"
. "$ROOT/tests/catalog-fixture.sh"
unset JUDGE_DB

# listing: every path below the scratch dir, to show nothing appeared
tree() { find "$SCRATCH" -path "$SCRATCH/.out" -prune -o -path "$SCRATCH/.err" -prune -o -print | sort; }
BEFORE=$(tree)

expect_exit 2 "--db in a folder that does not exist" "$JUDGE" --db "$SCRATCH/nope/x.db" list
equals "--db: one line naming the missing folder" "$ERR" \
	"judge: error: no folder '$SCRATCH/nope' for the database '$SCRATCH/nope/x.db'; create it first or pass another --db"
expect_exit 2 "JUDGE_DB in a folder that does not exist" env JUDGE_DB="$SCRATCH/a/b/x.db" "$JUDGE" list
expect_exit 2 "import: --db in a folder that does not exist" "$JUDGE" --db "$SCRATCH/nope/x.db" import
expect_exit 2 "--catalog that does not exist" "$JUDGE" --catalog "$SCRATCH/typo/problems.toml" list
equals "--catalog: says there is neither" "$ERR" \
	"judge: error: no catalogue '$SCRATCH/typo/problems.toml' and no database '$SCRATCH/typo/db/judge.db'; run from the project folder or pass --catalog FILE"
expect_exit 2 "--catalog that does not exist, beside an existing folder" "$JUDGE" --catalog "$SCRATCH/typo.toml" list
expect_exit 2 "--catalog that does not exist, with --db" "$JUDGE" --catalog "$SCRATCH/typo.toml" --db "$SCRATCH/x.db" list
expect_exit 2 "import of a missing file into a new database" "$JUDGE" --db "$SCRATCH/x.db" import typo.toml
equals "nothing was created by any of them" "$(tree)" "$BEFORE"

mkdir adir
expect_exit 2 "--db naming a folder" "$JUDGE" --db adir list
equals "--db folder: the hint" "$ERR" \
	"judge: error: the database 'adir' is a folder; name a file in it, e.g. --db adir/judge.db"
check "the folder is left empty" test -z "$(ls -A adir)"

# what works: a new database in a folder that exists, and the default one
# beside the catalogue (whose db/ folder is made)
expect_exit 0 "--db: a new file in an existing folder" "$JUDGE" --db adir/judge.db list
check "it was made" test -f adir/judge.db
expect_exit 0 "the default database beside the catalogue" "$JUDGE" list
check "db/judge.db made" test -f db/judge.db

# a normal user in a checkout they cannot write: a copy of the judge whose
# project root (the folder above bin/) belongs to root
command -v setpriv >/dev/null 2>&1 || { finish; exit; }
[ "$(id -u)" -eq 0 ] || { finish; exit; }
mkdir -p co/bin co/problems
cp "$JUDGE" co/bin/judge
cp -r problems/alpha co/problems/
awk '/^\[\[/ { n++ } n == 1' problems.toml > co/problems.toml # alpha only
chmod 755 "$SCRATCH" co co/bin co/problems
chmod -R a+rX co
# from / so that the scratch dir's own problems.toml is not the catalogue
as_nobody() { setpriv --reuid=65534 --regid=65534 --clear-groups env -C / HOME=/nonexistent "$@"; }
expect_exit 2 "nobody: the first list in a read-only checkout" as_nobody "$SCRATCH/co/bin/judge" list
contains "nobody: says the folder is not writable" "$ERR" \
	"cannot use the database '$SCRATCH/co/db/judge.db': the folder '$SCRATCH/co' is not writable for you"
contains "nobody: says what to do" "$ERR" "export JUDGE_DB=~/.local/share/judge/judge.db"
check "nobody: nothing created" test ! -e co/db
# a database root made there: readable, not writable by the user
(cd / && "$SCRATCH/co/bin/judge" list >/dev/null 2>&1)
check "root made the checkout's database" test -f co/db/judge.db
expect_exit 2 "nobody: a database they cannot write" as_nobody "$SCRATCH/co/bin/judge" list
contains "nobody: names the file" "$ERR" "'$SCRATCH/co/db/judge.db' is not writable for you"
mkdir home && chown 65534 home
expect_exit 0 "nobody: with JUDGE_DB of their own it works" \
	as_nobody env JUDGE_DB="$SCRATCH/home/judge.db" "$SCRATCH/co/bin/judge" list
contains "nobody: the catalogue listed" "$OUT" "alpha"
finish
