#!/bin/sh
# t0660: on a terminal (stderr), 'judge regress' keeps a live progress line
# (done/total, elapsed, time left) and clears it at the end; the table on
# stdout never holds it. (Without a terminal there is none: t0600.)
. "$(dirname "$0")/lib.sh"
. "$ROOT/tests/regress-fixture.sh"
regress_prereqs
command -v python3 >/dev/null || skip "python3 is not installed"

cat > on-tty.py <<'PY'
import os, pty, subprocess, sys
master, slave = pty.openpty()
with open("out.txt", "wb") as out:
    p = subprocess.Popen(sys.argv[1:], stdin=subprocess.DEVNULL, stdout=out, stderr=slave)
os.close(slave)
data = b""
while True:
    try:
        chunk = os.read(master, 4096)
    except OSError:
        break
    if not chunk:
        break
    data += chunk
open("tty.txt", "wb").write(data)
sys.exit(p.wait())
PY
expect_exit 0 "regress with stderr on a terminal" python3 on-tty.py "$JUDGE" regress -j 1
tty=$(cat tty.txt)
contains "a progress line" "$tty" "regress: "
check "done/total counts" grep -Eq 'regress: [0-4]/4 done' tty.txt
contains "elapsed time" "$tty" "elapsed"
contains "time left" "$tty" "left"
check "redrawn in place and cleared at the end" sh -c "tail -c 4 tty.txt | od -An -c | grep -q '\\\\r 033   \\[   K'"
check "the table is on stdout" grep -q "4 solutions: 4 matched" out.txt
check "stdout has no progress line" sh -c "! grep -q 'regress: ' out.txt"
check "stdout has no escape" sh -c "! grep -q \"\$(printf '\\033')\" out.txt"
finish
