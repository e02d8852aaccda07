#!/bin/sh
# 2025-09 submissions/submissions.yaml: rules (permitted, required,
# message) per submission glob ("*" within a name, {a,b} braces, a folder
# matching what is in it), per test group under a glob, a default folder
# replaced by its own name, a folder of no default meaning given one by a
# glob; a submission with rules is run on every test and the rules decide.
# A malformed submissions.yaml is one line and exit 2.
. "$(dirname "$0")/lib.sh"
cp -r "$ROOT/tests/packages" pk
rm -r pk/parity/submissions/brute_force   # slow; not what this is about
mkdir -p pk/parity/submissions/partially_accepted pk/parity/submissions/unnamed
cp pk/parity/submissions/wrong_answer/always-odd.c pk/parity/submissions/partially_accepted/odd.c
cp pk/parity/submissions/wrong_answer/always-odd.c pk/parity/submissions/unnamed/odd.c
cat > problems.toml <<'TOML'
[[problem]]
id = "parity"
package = "pk/parity"
TOML
got() { printf '%s' "$OUT" | jq -r --arg s "$1" '.solutions[] | select(.solution == $s) | "\(.expected) \(.got) \(.match)"'; }
msg() { printf '%s' "$OUT" | jq -r --arg s "$1" '.solutions[] | select(.solution == $s) | .message'; }

cat > pk/parity/submissions/submissions.yaml <<'YAML'
wrong_answer/always-odd.c:
  authors: Someone <a@b.c>
  sample:
    required: [WA]
  secret/group1:
    permitted: [AC, WA]
    required: [AC]
  message: expected even
partially_accepted:
  permitted: [AC, WA]
  required: [AC]
"{accepted,rejected}/*":
  language: c
YAML
run "$JUDGE" regress --json
equals "rules kept: exit 0" "$RC" 0
equals "per-group rules and a message, kept" "$(got parity/wrong_answer/always-odd.c)" "WA WA true"
equals "a folder given a meaning by a glob is graded" "$(got parity/partially_accepted/odd.c)" "WA WA true"
equals "a folder no glob names is not" "$(got parity/unnamed/odd.c)" ""
equals "braces: accepted still AC" "$(got parity/accepted/lower.c)" "AC AC true"
equals "summary" "$(printf '%s' "$OUT" | jq -c '.summary | [.total, .matched]')" "[4,4]"

cat > pk/parity/submissions/submissions.yaml <<'YAML'
wrong_answer/always-odd.c:
  secret/group2:
    permitted: [AC]
rejected:
  required: [TLE]
YAML
run "$JUDGE" regress --json
equals "a broken rule: exit 1" "$RC" 1
equals "a group's permitted broken" "$(got parity/wrong_answer/always-odd.c)" "AC WA false"
equals "its message" "$(msg parity/wrong_answer/always-odd.c)" \
	"submissions.yaml 'wrong_answer/always-odd.c' on 'secret/group2': test secret/group2/c got WA, not permitted (AC)"
equals "a default folder replaced by its name" "$(got parity/rejected/upper.c)" "TLE WA false"
equals "the replaced folder's message" "$(msg parity/rejected/upper.c)" \
	"folder 'rejected': no test got TLE (required)"

cat > pk/parity/submissions/submissions.yaml <<'YAML'
wrong_answer/*:
  message: this text is in no message
YAML
run "$JUDGE" regress wrong_answer --json
equals "message rule broken" "$(msg parity/wrong_answer/always-odd.c)" \
	"submissions.yaml 'wrong_answer/*': no test's judge message contains 'this text is in no message'"

cat > pk/parity/submissions/submissions.yaml <<'YAML'
accepted/*:
  permitted: [AC, OK]
YAML
run "$JUDGE" regress
equals "malformed: exit 2" "$RC" 2
equals "malformed: one line with file:line:col" "$ERR" \
	"judge: error: pk/parity/submissions/submissions.yaml:2:19: permitted: unknown verdict 'OK' (AC, WA, TLE or RTE)"
finish
