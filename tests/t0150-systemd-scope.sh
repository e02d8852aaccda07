#!/bin/sh
# t0150: a normal user on cgroup v2 whose own cgroup is not delegated (a
# login or ssh session) gets the full sandbox by the judge re-running itself
# under `systemd-run --user --scope -p Delegate=yes`. A stand-in systemd-run
# records how it was called: the judge asks for exactly that scope, once,
# passes the exit code through, goes on by itself when no scope can be
# made, and never asks when JUDGE_NO_SCOPE is set or nothing is run.
. "$(dirname "$0")/lib.sh"
[ "$(id -u)" -ne 0 ] || skip "needs a normal user: root makes its own cgroups"
command -v jq >/dev/null || skip "needs jq"
command -v python3 >/dev/null || skip "needs python3"
row=$("$JUDGE" doctor --json 2>/dev/null | jq -r '.rows[] | select(.name == "cgroup") | .what')
case "$row" in
*"not delegated"*) ;;
*) skip "needs cgroup v2 outside a delegated cgroup (this host: $row)" ;;
esac

mkdir -p fakebin xdg/systemd
python3 -c 'import socket, sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])' xdg/systemd/private
export XDG_RUNTIME_DIR="$SCRATCH/xdg"
unset DBUS_SESSION_BUS_ADDRESS JUDGE_NO_SCOPE JUDGE_SCOPED
# The stand-in: a scope is made (mode exec: the command runs in the
# foreground with our descriptors, as systemd-run --scope does) or not
# (mode fail: no user manager answers).
cat > fakebin/systemd-run <<EOF
#!/bin/sh
echo "\$*" >> "$SCRATCH/calls"
[ "\$(cat "$SCRATCH/mode")" = fail ] && { echo "Failed to connect to bus" >&2; exit 1; }
while [ "\$1" != -- ]; do shift; done
shift
exec "\$@"
EOF
chmod 755 fakebin/systemd-run
PATH="$SCRATCH/fakebin:$PATH"

printf '#include <stdio.h>\nint main(void) { puts("hi"); return 0; }\n' > hi.c
printf 'int main(void) { return 3; }\n' > three.c

echo exec > mode
expect_exit 0 "in a scope: the program runs" "$JUDGE" run hi.c
contains "in a scope: its output" "$OUT" "hi"
calls=$(cat calls 2>/dev/null)
contains "asks systemd for a user scope" "$calls" "--user --scope"
contains "with delegation" "$calls" "-p Delegate=yes"
contains "runs the same command in it" "$calls" "bin/judge run hi.c"
equals "asks once (the judge in the scope does not ask again)" "$(wc -l < calls)" 1
expect_exit 1 "in a scope: the exit code comes back" "$JUDGE" run three.c
contains "in a scope: the verdict comes back" "$ERR" "exited with code 3"

rm -f calls
echo fail > mode
expect_exit 0 "no scope to be had: the judge runs the program itself" "$JUDGE" -v run hi.c
contains "no scope: its output" "$OUT" "hi"
contains "no scope: -v says so" "$ERR" "could not start a delegated systemd scope"
equals "no scope: asked once" "$(wc -l < calls)" 1

rm -f calls
echo exec > mode
expect_exit 0 "JUDGE_NO_SCOPE: runs here" env JUDGE_NO_SCOPE=1 "$JUDGE" run hi.c
check "JUDGE_NO_SCOPE: systemd is not asked" test ! -e calls
expect_exit 1 "doctor (weaker here) runs nothing: not re-run" "$JUDGE" doctor --json
check "doctor: systemd is not asked" test ! -e calls
finish
