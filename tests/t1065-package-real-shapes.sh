#!/bin/sh
# Shapes real packages have that our first fixtures did not (found by
# importing problemtools' examples): an interactive package with no time
# limit (computed by running the accepted submission against the
# interactor), a .timelimit file added or removed after the first sync
# (a hidden file: the package's fingerprint must still see it), a
# submission that is a folder (one C file and its header: graded; several
# files or another language: listed as skipped), regress patterns that
# also filter the skipped list, and an interactor held to the package's
# validation limits.
. "$(dirname "$0")/lib.sh"
cp -r "$ROOT/tests/packages" pk
# guess without limits.time_limit, a legacy-style interactive package: no .ans
cat > pk/guess/problem.yaml <<'YAML'
problem_format_version: 2023-07-draft
source: Kattis
license: cc by-sa
type: interactive
name: Guess the Number
limits:
  time_multipliers:
    time_limit_to_tle: 4
YAML
rm -f pk/guess/data/secret/*.ans pk/guess/data/sample/*.ans
mkdir -p pk/guess/submissions/accepted/split pk/guess/submissions/accepted/py \
	pk/guess/submissions/wrong_answer
printf '#define LO 1\n' > pk/guess/submissions/accepted/split/bounds.h
{ echo '#include "bounds.h"'; cat pk/guess/submissions/accepted/binary.c; } \
	> pk/guess/submissions/accepted/split/main.c
echo 'print(1)' > pk/guess/submissions/accepted/py/main.py
echo 'import sys' > pk/guess/submissions/wrong_answer/nothing.py
cat > problems.toml <<'TOML'
[[problem]]
id = "guess"
package = "pk/guess"
TOML
run "$JUDGE" show guess
equals "interactive, no time limit: imports" "$RC" 0
contains "the limit is computed against the interactor" "$OUT" \
	"time limit: 1000 ms (computed as problemtools does: slowest accepted submission accepted/binary.c"

echo 3 > pk/guess/.timelimit
run "$JUDGE" show guess
contains ".timelimit added later is seen" "$OUT" "time limit: 3000 ms (.timelimit file: 3 s)"
rm pk/guess/.timelimit
run "$JUDGE" show guess
contains ".timelimit removed later is seen" "$OUT" "time limit: 1000 ms (computed as problemtools does"

# spins after its first answer: TLE against the interactor; alone on the
# input file it would exit at once (the margin check must not run it so)
mkdir -p pk/guess/submissions/time_limit_exceeded
cat > pk/guess/submissions/time_limit_exceeded/spin.c <<'C'
#include <stdio.h>
#include <string.h>
int main(void)
{
	char s[32] = "";
	printf("1\n");
	fflush(stdout);
	if (scanf("%31s", s) == 1 && !strcmp(s, "higher"))
		for (;;)
			;
	return 0;
}
C
run "$JUDGE" regress --json
equals "regress: exit 0" "$RC" 0
equals "interactive TLE: no margin flag from a run without the interactor" \
	"$(printf '%s' "$OUT" | jq -r '.solutions[] | select(.solution == "guess/time_limit_exceeded/spin.c") | "\(.got) \(.flag)"')" "TLE null"
equals "a folder submission with one C file and its header is graded" \
	"$(printf '%s' "$OUT" | jq -r '.solutions[] | select(.solution == "guess/accepted/split/main.c") | "\(.got) \(.match)"')" "AC true"
equals "other folders and languages are skipped" "$(printf '%s' "$OUT" | jq -c '.skipped')" \
	'["guess/accepted/py/","guess/wrong_answer/nothing.py"]'
run "$JUDGE" regress accepted
contains "a skipped folder says why" "$OUT" \
	"skipped: guess/accepted/py/ (a program in a folder, not one C or C++ file)"
lacks "patterns filter the skipped list too" "$OUT" "nothing.py"
contains "patterns: the summary counts what matched" "$OUT" "1 skipped"

# the interactor is the output validator: the package's validation memory
# binds it (it allocates 200 MB: fine under the default, not under 64 MB)
mkdir -p pk/hog
cp -r pk/guess/data pk/guess/statement pk/hog/
mkdir -p pk/hog/output_validator pk/hog/submissions/accepted
cp pk/guess/submissions/accepted/binary.c pk/hog/submissions/accepted/
{ echo '#include <stdlib.h>'; echo '#include <string.h>'
  echo 'static void hog(void) { size_t n = 200u << 20; char *p = malloc(n); if (!p) abort(); memset(p, 1, n); }'
  sed 's/^int main(int argc, char \*\*argv)$/int main(int argc, char **argv)/; s/^{$/{ hog();/' \
	pk/guess/output_validator/interactor.c; } > pk/hog/output_validator/interactor.c
cat > pk/hog/problem.yaml <<'YAML'
problem_format_version: 2023-07
name: Hog
type: interactive
limits:
  time_limit: 1
YAML
cat >> problems.toml <<'TOML'

[[problem]]
id = "hog"
package = "pk/hog"
TOML
run "$JUDGE" submit hog pk/hog/submissions/accepted/binary.c
equals "default validation limits: the hungry interactor accepts" "$RC" 0
printf '  validation_memory: 64\n' >> pk/hog/problem.yaml
run "$JUDGE" show hog
contains "show: the validation limits" "$OUT" "validation limits (the interactor): 64 MB"
run "$JUDGE" submit hog pk/hog/submissions/accepted/binary.c
equals "validation_memory 64: IE" "$RC" 3
contains "validation_memory 64: the interactor's fault" "$OUT" "IE"
# a Kattis validator logs to judgemessage.txt as it goes and writes the
# reason last (problemtools' validate.h): the last line is the message,
# quotes as written
mkdir -p pk/chatty/output_validator pk/chatty/submissions/accepted
cp -r pk/guess/data pk/guess/statement pk/chatty/
cp pk/guess/submissions/accepted/binary.c pk/chatty/submissions/accepted/
cat > pk/chatty/output_validator/v.c <<'C'
#include <stdio.h>
int main(int argc, char **argv)
{
	char path[512];
	FILE *jm;
	int guess;

	snprintf(path, sizeof(path), "%s/judgemessage.txt", argc > 3 ? argv[3] : ".");
	if (!(jm = fopen(path, "a")))
		return 1;
	fprintf(jm, "I'm thinking of a number\n");
	if (scanf("%d", &guess) != 1 || guess != 7) {
		fprintf(jm, "guess %d: that's not it\n", guess);
		return 43;
	}
	printf("correct\n");
	return 42;
}
C
printf 'problem_format_version: 2023-07\nname: Chatty\ntype: interactive\nlimits:\n  time_limit: 1\n' \
	> pk/chatty/problem.yaml
printf '#include <stdio.h>\nint main(void) { printf("1\\n"); return 0; }\n' > one.c
cat >> problems.toml <<'TOML'

[[problem]]
id = "chatty"
package = "pk/chatty"
TOML
run "$JUDGE" submit chatty one.c
equals "chatty: WA" "$RC" 1
contains "the judge message's last line, quotes as written" "$OUT" "WA   "
contains "the reason, not the log line before it" "$OUT" "guess 1: that's not it"
finish
