# catalog-fixture.sh: a small catalogue for the catalogue tests (tests/t01[2-9]*),
# sourced after lib.sh. Two problems: alpha (tokens; tests sample-1 and
# 02-big) and beta (custom checker checker.c; test 01), and a contest "cup".
# The line numbers of problems.toml are relied on by t0130: keep them.
# pristine_catalog saves a copy; reset_catalog restores it (new mtimes).

mkdir -p problems/alpha/tests problems/beta/tests
printf '# Alpha\n\nPrint a + b.\n' > problems/alpha/statement.md
printf '1 2\n' > problems/alpha/tests/sample-1.in
printf '3\n' > problems/alpha/tests/sample-1.ans
printf '100 200\n' > problems/alpha/tests/02-big.in
printf '300\n' > problems/alpha/tests/02-big.ans
printf '# Beta\n\nAnything goes.\n' > problems/beta/statement.md
printf 'int main(void) { return 0; }\n' > problems/beta/checker.c
printf '5\n' > problems/beta/tests/01.in
printf '5\n' > problems/beta/tests/01.ans
cat > problems.toml <<'TOML'
# fixture catalogue
[[problem]]
id = "alpha"
title = "Alpha"
time_limit_ms = 1000
memory_limit_mb = 64
checker = "tokens"
tags = ["math", "easy"]
complexity = "O(1)"

[[problem]]
id = "beta"
title = "Beta"
time_limit_ms = 2000
memory_limit_mb = 128
stack_limit_mb = 16
checker = "custom"
checker_source = "checker.c"

[[contest]]
id = "cup"
title = "Cup"
problems = ["beta", "alpha"]
duration_minutes = 60
TOML

pristine_catalog() { rm -rf "$SCRATCH/.pristine"; mkdir "$SCRATCH/.pristine"; cp -r problems problems.toml "$SCRATCH/.pristine/"; }
reset_catalog() { rm -rf problems problems.toml; cp -r "$SCRATCH/.pristine/problems" "$SCRATCH/.pristine/problems.toml" .; }

# edit OLD NEW: replace the first OLD in problems.toml with NEW (literal text).
edit() {
	python3 - "$1" "$2" <<'PY'
import sys
s = open("problems.toml").read()
assert sys.argv[1] in s, "edit: text not found: " + sys.argv[1]
open("problems.toml", "w").write(s.replace(sys.argv[1], sys.argv[2], 1))
PY
}

# sq SQL: a query on the test's database.
sq() { sqlite3 "$JUDGE_DB" "$1"; }
