#!/bin/sh
# t0440: the disk fills up while a verdict is being stored. For a range of
# free space left on a small private tmpfs holding the database, 'judge
# submit' either finishes (AC, exit 0) or fails with exit 3 and one clear
# line; the database stays intact, and after the next command no submission
# is left 'running' and none claims a verdict it did not reach (IE with a
# reason instead). Threat model: "disk full while storing a verdict".
. "$(dirname "$0")/lib.sh"
need_root "mounts a small tmpfs in a private mount namespace (a user namespace would make the judge think it is root)"
command -v unshare >/dev/null || skip "unshare is not installed"
mini_catalog
printf '#include <stdio.h>\nint main(void){long long a,b;scanf("%%lld %%lld",&a,&b);printf("%%lld\\n",a+b);return 0;}\n' > sum.c
"$JUDGE" --db warm.db submit a-plus-b sum.c >/dev/null 2>&1   # compile once, into the cache
mkdir mnt

# one private mount namespace: the tmpfs goes away with it
cat > fill.sh <<'EOS'
export JUDGE_DB=$PWD/mnt/judge.db
for leave in 8 24 40 56 72 96 128 192 256; do
	mount -t tmpfs -o size=1m tmpfs mnt || exit 9
	"$JUDGE" list >/dev/null 2>&1 || exit 8
	dd if=/dev/zero of=mnt/fill bs=4k 2>/dev/null
	rm mnt/fill
	avail=$(( $(df -k mnt | tail -n 1 | awk '{print $4}') - leave ))
	[ "$avail" -gt 0 ] && dd if=/dev/zero of=mnt/fill bs=1k count=$avail 2>/dev/null
	"$JUDGE" submit a-plus-b sum.c >/dev/null 2>err.$leave
	echo "$leave $?" >> results
	rm -f mnt/fill
	"$JUDGE" history >/dev/null 2>&1
	sqlite3 "$JUDGE_DB" "PRAGMA integrity_check" > integrity.$leave
	sqlite3 "$JUDGE_DB" "SELECT status || ':' || coalesce(verdict, '') || ':' || (error IS NOT NULL) FROM submissions" > rows.$leave
	umount mnt
done
EOS
JUDGE="$JUDGE" unshare -m sh fill.sh
check "every size was tried" test "$(wc -l < results)" -eq 9
failed_mid=0
while read -r leave rc; do
	case $rc in
	0) equals "$leave KB free: finished rows" "$(cat rows.$leave)" "done:AC:0" ;;
	3)
		equals "$leave KB free: one error line" "$(wc -l < err.$leave)" 1
		contains "$leave KB free: says what failed" "$(cat err.$leave)" "judge: error: "
		case "$(cat err.$leave)" in *"cannot record the result"*) failed_mid=$((failed_mid + 1)) ;; esac
		case "$(cat rows.$leave)" in
		""|"done:IE:1") pass "$leave KB free: nothing claimed" ;;
		*) fail "$leave KB free: rows after a failed store: $(cat rows.$leave)" ;;
		esac ;;
	*) fail "$leave KB free: exit $rc" "$(cat err.$leave)" ;;
	esac
	equals "$leave KB free: database intact" "$(cat integrity.$leave)" ok
done < results
check "some sizes filled the disk in the middle of grading" test "$failed_mid" -ge 1
finish
