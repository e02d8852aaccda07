#!/bin/sh
# t0200-sandbox-measure: what the sandbox measures and decides, through
# `judge run --json`: CPU and wall-clock TLE, memory reported within a band
# (64 MB touched reads as 64 MB), MLE whichever way memory runs out, crashes
# that stay RE, forbidden calls named in SV, output over the cap as OLE.
# No timing is asserted: the verdicts and the memory band only. As root
# and as a normal user, with the same expectations. Memory tests have a CPU
# limit slow first-touch page faults cannot reach (10 s); int 0x80 expects
# what the kernel can give (host_ia32).
. "$(dirname "$0")/lib.sh"
command -v jq >/dev/null || skip "needs jq"

# run_json FILE [ARGS...]: `judge run --json`; $OUT holds the object.
run_json() { f=$1; shift; run "$JUDGE" run --json "$@" "$f"; }
field() { printf '%s' "$OUT" | jq -r ".$1"; }

cat > spin.c <<'EOF'
int main(void) { volatile unsigned long x = 0; for (;;) x++; }
EOF
# The wall limit is 2 * 100 + 1000 ms: a kill by the wall clock says
# "wall" and comes at 1200 ms of wall time or later; a kill at the CPU
# limit comes with 100 ms of CPU, before that.
run_json spin.c --time-limit 100
equals "CPU loop: TLE" "$(field verdict)" TLE
lacks "CPU loop: not by the wall clock" "$(field message)" "wall"
check "CPU loop: the CPU limit reached ($(field time_ms) ms)" test "$(field time_ms)" -ge 100
check "CPU loop: killed before the wall limit ($(field wall_ms) ms)" test "$(field wall_ms)" -lt 1200

cat > sleeper.c <<'EOF'
#include <unistd.h>
int main(void) { sleep(60); return 0; }
EOF
# A CPU limit that start-up never reaches, even emulated (make test-vm):
# the wall clock (2 x 1000 + 1000 ms) is what stops it.
run_json sleeper.c --time-limit 1000
equals "sleeper: TLE" "$(field verdict)" TLE
contains "sleeper: by the wall clock" "$(field message)" "wall"

cat > mem64.c <<'EOF'
#include <stdlib.h>
#include <string.h>
int main(void)
{
	char *volatile p = malloc(64 << 20);
	memset(p, 1, 64 << 20);
	return p[12345] != 1;
}
EOF
run_json mem64.c --memory-limit 256 --time-limit 10000
equals "64 MB: OK" "$(field verdict)" OK
kb=$(field memory_kb)
check "64 MB reads as 64 MB within 5% (got $kb KB)" \
	test "$kb" -ge $((65536 * 95 / 100)) -a "$kb" -le $((65536 * 105 / 100))

cat > mem300.c <<'EOF'
#include <stdlib.h>
#include <string.h>
int main(void)
{
	for (int i = 0; i < 300; i++) {       /* 300 MB, 1 MB at a time */
		char *volatile p = malloc(1 << 20);
		memset(p, 1, 1 << 20);
	}
	return 0;
}
EOF
run_json mem300.c --memory-limit 256 --time-limit 10000
equals "300 MB touched under 256 MB: MLE" "$(field verdict)" MLE

cat > bigalloc.c <<'EOF'
#include <stdio.h>
#include <stdlib.h>
int main(void)
{
	char *p = malloc(300 << 20);            /* fails: over the limit */
	if (!p) { fputs("no memory\n", stderr); return 1; }
	p[0] = 1;
	return 0;
}
EOF
run_json bigalloc.c --memory-limit 256 --time-limit 10000
equals "one 300 MB allocation under 256 MB: MLE, not RE" "$(field verdict)" MLE

cat > static.c <<'EOF'
#include <string.h>
static char big[300 << 20];
int main(void) { memset(big, 1, sizeof big); return big[7] != 1; }
EOF
run_json static.c --memory-limit 256 --time-limit 10000
equals "300 MB static array under 256 MB: MLE, not RE" "$(field verdict)" MLE

cat > abort.c <<'EOF'
#include <assert.h>
int main(int argc, char **argv) { (void)argv; assert(argc == 42); return 0; }
EOF
run_json abort.c
equals "failed assert: RE" "$(field verdict)" RE
equals "failed assert: SIGABRT" "$(field signal)" SIGABRT

cat > segv.c <<'EOF'
#include <signal.h>
int main(void) { raise(SIGSEGV); return 0; }
EOF
run_json segv.c
equals "raise(SIGSEGV): RE SIGSEGV (the program is not PID 1)" \
	"$(field verdict) $(field signal)" "RE SIGSEGV"

cat > sock.c <<'EOF'
#include <sys/socket.h>
int main(void) { return socket(AF_INET, SOCK_STREAM, 0) >= 0; }
EOF
run_json sock.c
equals "socket(): SV" "$(field verdict)" SV
equals "socket(): the call is named" "$(field syscall)" socket

cat > int80.c <<'EOF'
int main(void)
{
	long r;
	__asm__ volatile("int $0x80" : "=a"(r) : "a"(20L));   /* i386 getpid */
	return r > 0;
}
EOF
run_json int80.c
if host_ia32; then
	equals "int 0x80: SV" "$(field verdict)" SV
	contains "int 0x80: named as a 32-bit call" "$(field syscall)" "i386:"
else
	equals "int 0x80 without ia32 emulation: RE by SIGSEGV, no call made" \
		"$(field verdict) $(field signal) $(field syscall)" "RE SIGSEGV null"
fi

cat > fork.c <<'EOF'
#include <unistd.h>
int main(void) { return fork() < 0 ? 3 : 0; }
EOF
run_json fork.c
equals "fork: SV" "$(field verdict)" SV
equals "fork: the call is named" "$(field syscall)" clone

cat > flood.c <<'EOF'
#include <stdio.h>
int main(void) { for (;;) fputs("flood flood flood flood flood flood\n", stdout); }
EOF
# 64 MB through a pipe: seconds of CPU when emulated, so a limit that
# only the output cap can beat.
run_json flood.c --time-limit 20000
equals "stdout flood: OLE" "$(field verdict)" OLE

finish
