# mutate-fixture.sh: scratch catalogues for the mutation tests (tests/t112*),
# sourced after lib.sh.
#
# mutate_copy ID NEWID WHICH: copy problems/ID to problems/NEWID with its
# statement, generator, validator and gen.list, and the tests WHICH names:
# "samples" (sample-*), or "full" (every committed test: all but the
# generated -gen- ones, which are large and built by make). Appends the
# problem to problems.toml with ID's catalogue entry under the new id.
mutate_copy() {
	_src="$ROOT/problems/$1"
	mkdir -p "problems/$2/tests"
	for _f in statement.md gen.c gen.list validator.c checker.c; do
		[ -f "$_src/$_f" ] && cp "$_src/$_f" "problems/$2/"
	done
	for _t in "$_src"/tests/*.in; do
		_n=$(basename "$_t" .in)
		case "$3:$_n" in
		samples:sample*|full:*) ;;
		*) continue ;;
		esac
		case "$_n" in *-gen-*) continue ;; esac
		cp "$_t" "$_src/tests/$_n.ans" "problems/$2/tests/"
	done
	awk -v id="$1" -v new="$2" '
		/^\[\[/ { keep = 0 }
		/^\[\[problem\]\]/ { block = $0 "\n"; inp = 1; next }
		inp && /^id = / { inp = 0; if ($3 == "\"" id "\"") { keep = 1; printf "%s", block;
			print "id = \"" new "\""; next } }
		inp { block = block $0 "\n"; next }
		keep { print }' "$ROOT/problems.toml" >> problems.toml
	echo >> problems.toml
}

# mutate_counts: "killed survived stillborn mutants" of the JSON in $OUT,
# summed over its solutions.
mutate_counts() {
	printf '%s' "$OUT" | jq -r '.solutions | [(map(.killed) | add), (map(.survived) | add),
		(map(.stillborn) | add), (map(.mutants) | add)] | map(tostring) | join(" ")'
}
