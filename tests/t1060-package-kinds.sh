#!/bin/sh
# More package kinds: an interactive 2023-07-draft package (read whole: its
# output validator is kept as the interactor under the Kattis contract, its
# .interaction sample shown by 'judge show'; graded through the interactive
# runner), and a custom output validator written in C (the fixture's is
# C++) that writes its message to feedback_dir/judgemessage.txt, as
# problemtools' validate.h does: that file is the test's message.
. "$(dirname "$0")/lib.sh"
cp -r "$ROOT/tests/packages" pk
cp -r pk/parity pk/parity-c
rm pk/parity-c/output_validator/*
cat > pk/parity-c/output_validator/validate.c <<'C'
/* the parity validator in C: v input answer feedback_dir [args] < output */
#include <stdio.h>
#include <string.h>
#include <strings.h>

int main(int argc, char **argv)
{
	char want[16], got[16];
	int strict = 0, i, k = 0;
	FILE *ans;

	for (i = 4; i < argc; i++)
		strict |= !strcmp(argv[i], "--strict");
	char path[256];
	FILE *jm;

	if (argc < 4 || !(ans = fopen(argv[2], "r")))
		return 1;
	/* validate.h-style feedback: the message in judgemessage.txt */
	snprintf(path, sizeof(path), "%s/judgemessage.txt", argv[3]);
	jm = fopen(path, "w");
	if (!jm)
		return 1;
	while (fscanf(ans, "%15s", want) == 1) {
		k++;
		if (scanf("%15s", got) != 1 || (strict ? strcmp(got, want) : strcasecmp(got, want))) {
			fprintf(jm, "case %d: wrong\n", k);
			return 43;
		}
	}
	return scanf("%15s", got) == 1 ? 43 : 42;
}
C
rm pk/guess/data/secret/1.ans   # an interactive case needs no answer
cat > problems.toml <<'TOML'
[[problem]]
id = "guess"
package = "pk/guess"

[[problem]]
id = "parity-c"
package = "pk/parity-c"

[[problem]]
id = "hello"
package = "pk/hello"
TOML
run "$JUDGE" list
equals "list: exit 0" "$RC" 0
check "list: the interactive package" sh -c "printf '%s\n' \"\$1\" | grep -Eq '^guess +Guess the Number +1000 ms +2048 MB +interactive +- +2 '" _ "$OUT"
run "$JUDGE" show guess
contains "show: the format" "$OUT" "package: pk/guess (format 2023-07-draft)"
contains "show: the interactor" "$OUT" "interactive: output_validator/interactor.c (kattis contract)"
contains "show: the interaction" "$OUT" "sample/1: interaction
>50
<lower"
equals "db: interactor source kept, kattis contract" \
	"$(sqlite3 "$JUDGE_DB" "SELECT interactor_file, interactor_contract, length(interactor_source) > 100 FROM problems WHERE id = 'guess'")" \
	"output_validator/interactor.c|kattis|1"
run "$JUDGE" submit guess pk/guess/submissions/accepted/binary.c
equals "submit interactive: accepted through the interactor" "$RC" 0

run "$JUDGE" submit parity-c pk/parity/submissions/accepted/lower.c --json
equals "C validator: AC" "$(printf '%s' "$OUT" | jq -r .verdict)" AC
run "$JUDGE" submit parity-c pk/parity/submissions/rejected/upper.c --json
equals "C validator: group2 is strict" "$(printf '%s' "$OUT" | jq -r '[.tests[] | .verdict] | join(",")')" "AC,AC,AC,WA"
equals "C validator: judgemessage.txt is the message" "$(printf '%s' "$OUT" | jq -r '.tests[3].message')" "case 1: wrong"

# a legacy package as problemtools' examples are: null keys, validation:
# custom, a C++ validator with a header that opens its feedback file, a
# Python input_format_validator, no time limit (computed)
run "$JUDGE" import
contains "hello: the Python validator skipped" "$OUT" "package 'hello': input validator input_format_validators/validate.py skipped (only C and C++ validators run)"
run "$JUDGE" show hello
contains "hello: a custom validator" "$OUT" "checker: custom (output_validators/hello_validator/validate.cc, kattis contract)"
contains "hello: the limit computed (time_multiplier 5 by default)" "$OUT" "x time_multiplier 5 = "
contains "hello: the LaTeX statement" "$OUT" '\problemname{Hello}'
run "$JUDGE" regress hello --json
equals "hello: regress matches" "$(printf '%s' "$OUT" | jq -c '.summary | [.total, .matched, .skipped]')" "[3,3,1]"
run "$JUDGE" submit hello pk/hello/submissions/wrong_answer/lower.c --json
equals "hello: the message, judgemessage.txt refused" "$(printf '%s' "$OUT" | jq -r '.tests[0].message')" "expected Hello World!, got hello world!"
# legacy: output_validators/ count only with validation: custom
sed -i 's/^validation: custom/validation: default/' pk/hello/problem.yaml
run "$JUDGE" show hello
contains "validation: default ignores output_validators/" "$OUT" "checker: kattis"
rm -r pk/hello/output_validators
sed -i 's/^validation: default/validation: custom/' pk/hello/problem.yaml
run "$JUDGE" list
equals "validation: custom without a validator: exit 2" "$RC" 2
equals "validation: custom without a validator: why" "$ERR" "judge: error: pk/hello/problem.yaml:1:1: the problem is custom-validated but the package has no C or C++ output validator in output_validator(s)/"
finish
