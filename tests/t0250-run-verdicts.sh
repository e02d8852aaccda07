#!/bin/sh
# t0250-run-verdicts: `judge run --json` gives every result kind (OK TLE MLE
# OLE RE SV CE) with the fields of design.md checked one by one, and the
# exit code that goes with it. As root and as a normal user alike.
. "$(dirname "$0")/lib.sh"
command -v jq >/dev/null || skip "needs jq"

# field NAME: one field of the last result ($OUT), as jq -c prints it.
field() { printf '%s' "$OUT" | jq -c ".$1"; }

cat > ok.c <<'EOF'
#include <stdio.h>
int main(void)
{
	long long a, b;
	if (scanf("%lld %lld", &a, &b) != 2)
		return 9;
	printf("%lld\n", a + b);
	fprintf(stderr, "to-err\n");
	return 0;
}
EOF
echo "40 2" > in.txt
expect_exit 0 "OK exits 0" "$JUDGE" run --json --stdin in.txt ok.c
equals "OK: the object's keys" "$(printf '%s' "$OUT" | jq -c 'keys')" \
	'["compile","exit","lang","memory_kb","message","signal","stderr","stdout","syscall","time_ms","time_us","verdict","wall_ms"]'
equals "OK: verdict" "$(field verdict)" '"OK"'
equals "OK: stdout" "$(field stdout)" '"42\n"'
equals "OK: stderr kept apart" "$(field stderr)" '"to-err\n"'
equals "OK: exit" "$(field exit)" 0
equals "OK: signal" "$(field signal)" null
equals "OK: syscall" "$(field syscall)" null
equals "OK: message" "$(field message)" '""'
equals "OK: numbers" "$(printf '%s' "$OUT" | jq -c '[.time_ms, .wall_ms, .memory_kb] | map(type)')" \
	'["number","number","number"]'
check "OK: memory measured" test "$(field memory_kb)" -gt 0
equals "OK: time_us is the same CPU time in microseconds" \
	"$(printf '%s' "$OUT" | jq '.time_us > 0 and (.time_us / 1000 | floor) == .time_ms')" true
equals "OK: compile keys" "$(printf '%s' "$OUT" | jq -c '.compile | keys')" '["cached","message","ok","pch","time_ms"]'
equals "OK: compile ok" "$(printf '%s' "$OUT" | jq -c '[.compile.ok, .compile.message]')" '[true,""]'
equals "OK: a C compile has no precompiled header" "$(printf '%s' "$OUT" | jq .compile.pch)" false

expect_exit 1 "RE without stdin input" "$JUDGE" run --json ok.c
equals "RE: exit code" "$(printf '%s' "$OUT" | jq -c '[.verdict, .exit, .signal, .message]')" \
	'["RE",9,null,"exited with code 9"]'

cat > loop.c <<'EOF'
int main(void) { volatile unsigned long x = 0; for (;;) x++; }
EOF
expect_exit 1 "TLE" "$JUDGE" run --json --time-limit 200 loop.c
equals "TLE: verdict, exit" "$(printf '%s' "$OUT" | jq -c '[.verdict, .exit]')" '["TLE",null]'
contains "TLE: message" "$(field message)" "time limit exceeded (200 ms)"

cat > sleep.c <<'EOF'
#include <unistd.h>
int main(void) { sleep(60); return 0; }
EOF
expect_exit 1 "TLE by wall time" "$JUDGE" run --json --time-limit 200 sleep.c
equals "wall TLE: verdict" "$(field verdict)" '"TLE"'
contains "wall TLE: message" "$(field message)" "wall time"

cat > mem.c <<'EOF'
#include <stdlib.h>
#include <string.h>
int main(void)
{
	for (;;) {
		char *p = malloc(1 << 20);
		if (!p)
			return 3;
		memset(p, 1, 1 << 20);
		__asm__ volatile("" : : "r"(p) : "memory");
	}
}
EOF
expect_exit 1 "MLE" "$JUDGE" run --json --memory-limit 32 mem.c
equals "MLE: verdict" "$(field verdict)" '"MLE"'
contains "MLE: message" "$(field message)" "memory limit exceeded (32 MB)"

cat > flood.c <<'EOF'
#include <stdio.h>
int main(void) { for (;;) fputs("flood flood flood flood\n", stdout); }
EOF
expect_exit 1 "OLE" "$JUDGE" run --json flood.c
equals "OLE: verdict" "$(field verdict)" '"OLE"'
contains "OLE: message" "$(field message)" "output limit"
check "OLE: stdout kept up to the limit" test "$(printf '%s' "$OUT" | jq '.stdout | length')" -le $((64 * 1024 * 1024))

cat > segv.c <<'EOF'
#include <stdio.h>
int main(void) { volatile int *p = 0; puts("before"); fflush(stdout); return *p; }
EOF
expect_exit 1 "RE by a signal" "$JUDGE" run --json segv.c
equals "RE: signal" "$(printf '%s' "$OUT" | jq -c '[.verdict, .exit, .signal, .stdout, .message]')" \
	'["RE",null,"SIGSEGV","before\n","killed by signal SIGSEGV"]'

cat > sock.c <<'EOF'
#include <sys/socket.h>
int main(void) { return socket(AF_INET, SOCK_STREAM, 0) < 0 ? 3 : 0; }
EOF
expect_exit 1 "SV" "$JUDGE" run --json sock.c
equals "SV: fields" "$(printf '%s' "$OUT" | jq -c '[.verdict, .exit, .signal, .syscall, .message]')" \
	"[\"SV\",null,\"SIGSYS\",\"socket\",\"forbidden system call 'socket'\"]"

printf 'int main(void) { return undefined_thing; }\n' > ce.c
expect_exit 1 "CE" "$JUDGE" run --json ce.c
equals "CE: fields" "$(printf '%s' "$OUT" | jq -c '[.verdict, .exit, .signal, .syscall, .stdout, .compile.ok]')" \
	'["CE",null,null,null,"",false]'
contains "CE: diagnostics" "$(printf '%s' "$OUT" | jq -r .compile.message)" "undefined_thing"
lacks "CE: no box path" "$(printf '%s' "$OUT" | jq -r .compile.message)" "/tmp/judge-box"

# NUL bytes and invalid UTF-8 still make valid JSON.
cat > bytes.c <<'EOF'
#include <stdio.h>
int main(void) { fwrite("a\0b\xff\xfe" "c\033[31m\n", 1, 12, stdout); return 0; }
EOF
expect_exit 0 "raw bytes: OK" "$JUDGE" run --json bytes.c
equals "raw bytes: NUL kept, bad UTF-8 replaced" "$(field 'stdout | explode')" \
	'[97,0,98,65533,65533,99,27,91,51,49,109,10]'

# Human output: the program's stdout exactly on stdout (not a terminal),
# its stderr marked, the verdict on stderr.
expect_exit 0 "human: OK" "$JUDGE" run --stdin in.txt ok.c
equals "human: stdout is the program's" "$OUT" "42"
contains "human: stderr marked" "$ERR" "stderr| to-err"
contains "human: verdict line" "$ERR" "OK  time"
# On a terminal the program's bytes are escaped: it cannot clear the screen
# or print a line that passes for the judge's. script(1) (bsdutils, from
# make deps) gives the judge a terminal.
# raw_esc FILE / raw_nul FILE: FILE holds a raw ESC / NUL byte.
raw_esc() { grep -q "$(printf '\033')" "$1"; }
raw_nul() { tr -d '\n' < "$1" | od -An -c | grep -q '\\0'; }
no() { ! "$@"; }
if ! command -v script >/dev/null; then
	fail "script (bsdutils) is not installed: run make deps"
else
	cat > esc.c <<'EOF2'
#include <stdio.h>
int main(void)
{
	fwrite("a\0b\xff c\033[2J\r\xc2\x9b" "31m\n", 1, 17, stdout);
	fputs("judge: error: fake\n", stderr);
	return 0;
}
EOF2
	# Positive control: the same bytes written straight to the terminal
	# are seen raw by the checks below.
	script -qec "printf 'a\\000b c\\033[2J\\n'" /dev/null > control.out 2>&1
	check "terminal control: a raw ESC is seen" raw_esc control.out
	check "terminal control: a raw NUL is seen" raw_nul control.out
	"$JUDGE" run esc.c >/dev/null 2>&1   # compile outside the terminal
	script -qec "'$JUDGE' run esc.c" /dev/null > tty.out 2>&1
	check "terminal: no raw ESC" no raw_esc tty.out
	check "terminal: no raw NUL" no raw_nul tty.out
	contains "terminal: escapes shown" "$(cat tty.out)" 'a\x00b'
	contains "terminal: ESC shown" "$(cat tty.out)" '\x1b[2J\r\u{9b}31m'
	contains "terminal: program stderr marked" "$(cat tty.out)" "stderr| judge: error: fake"
	script -qec "'$JUDGE' run --json esc.c" /dev/null > tty.json 2>&1
	equals "terminal JSON is ASCII" "$(tr -d '\r' < tty.json | LC_ALL=C grep -c '[^ -~]')" 0
fi
expect_exit 1 "human: SV" "$JUDGE" run sock.c
contains "human: SV names the call" "$ERR" "forbidden system call 'socket'"

# 8 MB of NUL bytes: the JSON carries the first MB and says how much there was
cat > nuls.c <<'EOF2'
#include <stdlib.h>
#include <unistd.h>
int main(void) { size_t n = 8u << 20; char *p = calloc(n, 1); return write(1, p, n) != (ssize_t)n; }
EOF2
expect_exit 0 "NUL flood: OK" "$JUDGE" run nuls.c --json
equals "NUL flood: stdout capped in the JSON" "$(echo "$OUT" | jq '.stdout | length')" 1048576
equals "NUL flood: real size reported" "$(echo "$OUT" | jq -c '[.truncated, .stdout_bytes]')" "[true,8388608]"
finish
