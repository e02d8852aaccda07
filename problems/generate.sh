#!/bin/sh
# generate.sh ID: write the generated tests listed in problems/ID/gen.list.
# Trusted code (our own generator and reference), built and run on the host.
set -e
cd "$(dirname "$0")/.."
id=$1
dir=problems/$id
out=build/problems/$id
ref=$(ls solutions/"$id"/accepted/*.c | sort | head -n 1)
mkdir -p "$out"
# A testlib generator (gen.cpp, or a source that includes "testlib.h", the
# folder's own): its gen.list lines are "NAME ARG..." and it runs as
# `gen ARG...`; the folder's headers are on its include path.
testlib=
if [ -f "$dir/gen.cpp" ]; then
	g++ -O2 -std=gnu++20 -I "$dir" -o "$out/gen" "$dir/gen.cpp"
	grep -q '#include *["<]testlib.h[">]' "$dir/gen.cpp" && testlib=1
else
	gcc -O2 -std=gnu17 -I "$dir" -o "$out/gen" "$dir/gen.c" -lm
	grep -q '#include *["<]testlib.h[">]' "$dir/gen.c" && testlib=1
fi
gcc -O2 -std=gnu17 -o "$out/ref" "$ref" -lm
# An interactive problem (interactor.c): the reference talks with the
# interactor through two pipes (a fifo and |), and the answer is the last
# line it writes, without its "! " (the problem set's interactive answers).
inter=
if [ -f "$dir/interactor.c" ]; then
	inter=$out/interactor
	gcc -O2 -std=gnu17 -o "$inter" "$dir/interactor.c"
	rm -f "$out/fifo" && mkfifo "$out/fifo"
	mkdir -p "$out/feedback"
fi
n=0
while read -r name seed size rest; do
	case "$name" in ""|"#"*) continue ;; esac
	case "$name" in *-gen-*) ;; *) echo "generate: $dir/gen.list: '$name' must contain '-gen-'" >&2; exit 1 ;; esac
	# shellcheck disable=SC2086
	if [ -n "$testlib" ]; then
		"$out/gen" $seed $size $rest > "$dir/tests/$name.in.tmp"
	else
		"$out/gen" "$seed" "$size" $rest > "$dir/tests/$name.in.tmp"
	fi
	ulimit -s unlimited 2>/dev/null || true
	if [ -n "$inter" ]; then
		"$out/ref" < "$out/fifo" | tee "$out/transcript" |
			"$inter" "$dir/tests/$name.in.tmp" /dev/null "$out/feedback/" > "$out/fifo" ||
			[ $? = 42 ] || { echo "generate: $name: the reference is not accepted" >&2; exit 1; }
		sed -n 's/^! //p' "$out/transcript" | tail -n 1 > "$dir/tests/$name.ans.tmp"
	else
		"$out/ref" < "$dir/tests/$name.in.tmp" > "$dir/tests/$name.ans.tmp"
	fi
	mv "$dir/tests/$name.in.tmp" "$dir/tests/$name.in"
	mv "$dir/tests/$name.ans.tmp" "$dir/tests/$name.ans"
	n=$((n + 1))
done < "$dir/gen.list"
echo "generate: $id: $n tests"
