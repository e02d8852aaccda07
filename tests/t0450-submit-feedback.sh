#!/bin/sh
# t0450: feedback that explains. A failing sample shows its input, the
# expected answer and the output got; output on stderr is named (how much,
# its first line) and kept with the result; a file opened for writing is SV
# with a sentence a beginner understands; a refused allocation says how big
# it was; CE rows show no time or memory.
. "$(dirname "$0")/lib.sh"
. "$ROOT/tests/grade_fixtures.sh"
need_root
command -v jq >/dev/null || skip "needs jq"
grade_fixtures

sub_id() { sed -n 's/.*submission \([0-9]*\)$/\1/p' .out; }
# block LABEL: the "| " lines under "      LABEL:" in $OUT, joined by "/"
block() {
	printf '%s\n' "$OUT" | awk -v l="      $1:" '
		$0 == l { on = 1; next } on && /^      \| / { sub(/^      \| /, ""); printf "%s%s", s, $0; s = "/"; next } { on = 0 }'
}

# the answer printed to stderr: WA "got end of output" says where it went
prog to-stderr '#include <stdio.h>
int main(void) { long long a, b; scanf("%lld %lld", &a, &b); fprintf(stderr, "%lld\n", a + b); return 0; }'
expect_exit 1 "answer on stderr: WA" "$JUDGE" submit sum to-stderr.c
contains "names the stderr output and its first line" "$OUT" \
	"expected '3', got end of output (the output is empty); it wrote 2 bytes to stderr, first line '3' (print the answer to stdout)"
S=$(sub_id)
run "$JUDGE" result "$S" --json
check "result --json: the stderr excerpt and its size" jq -e '
	.tests[0].stderr == "3\n" and .tests[0].stderr_bytes == 2' .out
run "$JUDGE" result "$S"
contains "result: the same message" "$OUT" "it wrote 2 bytes to stderr, first line '3'"

# a wrong answer with debugging output on stderr: "also", and no advice
prog debug '#include <stdio.h>
int main(void) { long long a, b; scanf("%lld %lld", &a, &b);
for (int i = 0; i < 300; i++) fprintf(stderr, "debug a=%lld b=%lld\n", a, b);
printf("%lld\n", a + b + 1); return 0; }'
expect_exit 1 "debug output and a wrong answer: WA" "$JUDGE" submit sum debug.c
contains "it also wrote to stderr" "$OUT" "; it also wrote 4200 bytes to stderr, first line 'debug a=1 b=2'"
lacks "no advice when stdout was used" "$OUT" "print the answer to stdout"
run "$JUDGE" result "$(sub_id)" --json
check "the excerpt is cut to 200 bytes" jq -e '(.tests[0].stderr | length) == 200 and .tests[0].stderr_bytes == 4200' .out

# a failing sample shows input, expected and got; a hidden test does not
prog plus-one '#include <stdio.h>
int main(void) { long long a, b; scanf("%lld %lld", &a, &b); printf("%lld\n", a + b + 1); return 0; }'
expect_exit 1 "wrong on the sample" "$JUDGE" submit sum plus-one.c
equals "the sample's input" "$(block input)" "1 2"
equals "the sample's expected answer" "$(block expected)" "3"
equals "what it printed" "$(block got)" "4"
equals "one input block: hidden tests show none" "$(printf '%s\n' "$OUT" | grep -c '^      input:$')" 1
S=$(sub_id)
run "$JUDGE" result "$S"
equals "result: the sample's input" "$(block input)" "1 2"
equals "result: its expected answer" "$(block expected)" "3"
prog silent 'int main(void) { return 0; }'
run "$JUDGE" submit sum silent.c
contains "nothing printed is said so" "$OUT" "      got (nothing on stdout):"

# a file opened for writing
prog write-file '#include <stdio.h>
int main(void) { long long a, b; scanf("%lld %lld", &a, &b);
FILE *f = fopen("output.txt", "w"); fprintf(f, "%lld\n", a + b); fclose(f); return 0; }'
expect_exit 1 "writing a file: SV" "$JUDGE" submit sum write-file.c --json
check "SV with the sentence" jq -e '.verdict == "SV" and .tests[0].message ==
	"forbidden system call '"'openat'"': programs may not write files; read the input from stdin and write the answer to stdout"' .out
run "$JUDGE" run write-file.c --stdin problems/sum/tests/sample-1.in
contains "judge run says it too" "$OUT$ERR" "programs may not write files; read the input from stdin"
prog read-file '#include <stdio.h>
int main(void) { FILE *f = fopen("input.txt", "r"); printf("%d\n", f == NULL); return 0; }'
expect_exit 0 "opening a file for reading is not SV" "$JUDGE" run read-file.c --stdin problems/sum/tests/sample-1.in
prog raw-open '#include <fcntl.h>
int main(void) { return open("x", O_RDONLY | O_TRUNC) >= 0; }'
run "$JUDGE" run --json raw-open.c --stdin problems/sum/tests/sample-1.in
check "O_TRUNC alone counts as writing" jq -e '.verdict == "SV" and (.message | contains("may not write files"))' .out

# an allocation over the limit (64 MB here)
prog big-malloc '#include <stdio.h>
#include <stdlib.h>
#include <string.h>
int main(void) { char *p = malloc(2000000000UL); if (!p) return 3; memset(p, 1, 2000000000UL); printf("%d\n", p[7]); return 0; }'
expect_exit 1 "2 GB malloc: MLE" "$JUDGE" submit sum big-malloc.c --json
check "says which allocation was refused" jq -e '.verdict == "MLE" and (.tests[0].message |
	test("^an allocation of 190[0-9]\\.[0-9] MB was refused: more than the memory limit of 64 MB$"))' .out
prog touch-memory '#include <stdio.h>
#include <stdlib.h>
#include <string.h>
int main(void) { for (int i = 0; i < 100; i++) { char *p = malloc(1 << 20); memset(p, 1, 1 << 20); } printf("3\n"); return 0; }'
expect_exit 1 "many small allocations: MLE" "$JUDGE" submit sum touch-memory.c --json
check "named by its peak" jq -e '.verdict == "MLE" and (.tests[0].message | startswith("peak memory"))' .out

# a run-time error says how its stderr ends: a failed assert's line, an
# uncaught C++ exception's type and what(); a stderr cut at its cap says
# nothing (its end is lost)
prog assert-fails '#include <assert.h>
int main(void) { int x = 0; assert(x > 0); return 0; }'
expect_exit 1 "failed assert: RE" "$JUDGE" submit sum assert-fails.c
contains "the assert's line" "$OUT" \
	"killed by SIGABRT (abort() or a failed assert); its stderr ends 'prog: prog.c:2: main: Assertion \`x > 0\\' failed.'"
cat > throws.cpp <<'CPP'
#include <stdexcept>
int main() { throw std::out_of_range("index 7 of 3"); }
CPP
expect_exit 1 "uncaught exception: RE" "$JUDGE" submit sum throws.cpp
contains "the exception's type and what()" "$OUT" \
	"its stderr ends 'terminate called after throwing an instance of \\'std::out_of_range\\' what():  index 7 of 3'"
prog crash-quiet '#include <stdio.h>
int main(void) { fputs("reading\n\n", stderr); int *p = 0; return *(volatile int *)p; }'
expect_exit 1 "a crash after a stderr line: RE" "$JUDGE" submit sum crash-quiet.c
contains "the last line, trailing newlines dropped" "$OUT" "its stderr ends 'reading'"
prog crash-silent 'int main(void) { int *p = 0; return *(volatile int *)p; }'
expect_exit 1 "a silent crash: RE" "$JUDGE" submit sum crash-silent.c
lacks "nothing on stderr: nothing said" "$OUT" "stderr ends"
prog crash-loud '#include <stdio.h>
int main(void) { for (int i = 0; i < 100000; i++) fputs("spam spam spam\n", stderr); fputs("last\n", stderr); int *p = 0; return *(volatile int *)p; }'
expect_exit 1 "a crash after a flood on stderr: RE" "$JUDGE" submit sum crash-loud.c
lacks "stderr cut at its cap: its end is not claimed" "$OUT" "stderr ends"

# CE: no time or memory in history
prog broken 'int main(void) { return x; }'
expect_exit 1 "CE" "$JUDGE" submit sum broken.c
run "$JUDGE" history --verdict CE
check "CE row: - for time and memory" sh -c "printf '%s\n' '$OUT' | sed -n 2p | grep -Eq ' CE +0/3 +- +- +broken\.c$'"
finish
