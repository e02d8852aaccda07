#!/bin/sh
# t0110: the TOML reader against the toml-test corpus (TOML 1.0.0 set): every
# valid file must decode to the expected tagged JSON (compared as values),
# every invalid file must be rejected.
. "$(dirname "$0")/lib.sh"

CORPUS="$ROOT/../shared/toml-test"
DECODE="$ROOT/tests/toml_decode"
[ -f "$CORPUS/files-toml-1.0.0" ] || skip "no toml-test corpus at $CORPUS"
[ -x "$DECODE" ] || skip "tests/toml_decode is not built (run make)"
command -v python3 >/dev/null 2>&1 || skip "python3 is not installed"

# Decode every case; the results go to a list python reads in one go.
mkdir out
i=0
grep '\.toml$' "$CORPUS/files-toml-1.0.0" | while read -r f; do
	i=$((i + 1))
	"$DECODE" <"$CORPUS/$f" >"out/$i.json" 2>"out/$i.err"
	printf '%s\t%s\t%s\n' "$f" "$?" "$i"
done >results.tsv

python3 - "$CORPUS" results.tsv >verdicts.txt <<'EOF'
# One line per case: "ok NAME" or "fail NAME: why".
import json, math, re, sys

corpus, results = sys.argv[1], sys.argv[2]
DT = re.compile(r'(?:(\d{4})-(\d{2})-(\d{2}))?[Tt ]?'
                r'(?:(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?)?([Zz]|[+-]\d{2}:\d{2})?')

POSITIONED = re.compile(r'toml_decode: [1-9][0-9]*:[1-9][0-9]*: [a-z\'].*')

def datetime_key(s):
    m = DT.fullmatch(s)
    if not m:
        return ('unparsable', s)
    off = m.group(8)
    if off is None:
        minutes = None
    elif off in 'Zz':
        minutes = 0
    else:
        minutes = (int(off[1:3]) * 60 + int(off[4:6])) * (-1 if off[0] == '-' else 1)
    return (m.group(1, 2, 3, 4, 5, 6), (m.group(7) or '').rstrip('0'), minutes)

def is_leaf(v):
    return isinstance(v, dict) and set(v) == {'type', 'value'} \
        and isinstance(v['type'], str) and isinstance(v['value'], str)

def leaf_equal(got, want):
    if got['type'] != want['type']:
        return False
    t, a, b = want['type'], got['value'], want['value']
    if t == 'float':
        x, y = float(a), float(b)
        return (math.isnan(x) and math.isnan(y)) or x == y
    if t == 'integer':
        return int(a) == int(b)
    if t in ('datetime', 'datetime-local', 'date-local', 'time-local'):
        return datetime_key(a) == datetime_key(b)
    return a == b

def diff(got, want, path):
    """The first place where got and want differ, or None."""
    if is_leaf(want):
        if not is_leaf(got) or not leaf_equal(got, want):
            return '%s: got %s, expected %s' % (path, json.dumps(got), json.dumps(want))
        return None
    if isinstance(want, dict):
        if not isinstance(got, dict) or is_leaf(got):
            return '%s: got %s, expected a table' % (path, json.dumps(got)[:80])
        if set(got) != set(want):
            return '%s: keys %s, expected %s' % (path, sorted(got), sorted(want))
        for k in want:
            d = diff(got[k], want[k], path + '.' + k)
            if d:
                return d
        return None
    if isinstance(want, list):
        if not isinstance(got, list) or len(got) != len(want):
            return '%s: got %s, expected an array of %d' % (path, json.dumps(got)[:80], len(want))
        for i, (g, w) in enumerate(zip(got, want)):
            d = diff(g, w, '%s[%d]' % (path, i))
            if d:
                return d
        return None
    return '%s: unexpected %s in the expected file' % (path, json.dumps(want))

for line in open(results):
    name, rc, idx = line.rstrip('\n').split('\t')
    err = open('out/%s.err' % idx, errors='replace').read().strip()
    if 'Sanitizer' in err or 'runtime error:' in err:
        print('fail %s: sanitizer report: %s' % (name, err.replace('\n', ' ')[:300]))
        continue
    if name.startswith('invalid/'):
        if rc != '1':
            print('fail %s: accepted (exit %s), should be rejected' % (name, rc))
        elif not POSITIONED.fullmatch(err):
            print('fail %s: error is not "LINE:COL: message": %s' % (name, err))
        else:
            print('ok', name)
        continue
    if rc != '0':
        print('fail %s: exit %s: %s' % (name, rc, err))
        continue
    try:
        got = json.load(open('out/%s.json' % idx))
        want = json.load(open('%s/%s.json' % (corpus, name[:-5])))
    except ValueError as e:
        print('fail %s: bad JSON: %s' % (name, e))
        continue
    d = diff(got, want, '')
    print('fail %s: %s' % (name, d) if d else 'ok %s' % name)
EOF
[ $? -eq 0 ] || fail "the comparison script failed"

total=$(wc -l <results.tsv)
while read -r verdict rest; do
	if [ "$verdict" = ok ]; then pass "$rest"; else fail "$rest"; fi
done <verdicts.txt
echo "toml conformance: $(grep -c '^ok ' verdicts.txt) of $total passed"
# Not counted as passes: each file is one pass or one fail.
[ "$(wc -l <verdicts.txt)" -eq "$total" ] || fail "only $(wc -l <verdicts.txt) of $total cases were compared"
[ "$total" -eq 709 ] || fail "files-toml-1.0.0 lists $total cases, expected 709"
finish
