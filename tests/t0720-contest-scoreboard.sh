#!/bin/sh
# t0720: the ICPC scoreboard from real submissions: penalty arithmetic (CE
# not counted, attempts after the AC ignored), shared ranks, the freeze seen
# by others and by oneself, the terminal cells, --json and --html.
. "$(dirname "$0")/lib.sh"
. "$ROOT/tests/contest-fixture.sh"

# ana and bo start at 10:00, cy at 10:30 (own clock); freeze = last 30 min
JUDGE_NOW=$(at 0) $JC contest start spring --user ana >/dev/null
JUDGE_NOW=$(at 0) $JC contest start spring --user bo >/dev/null
JUDGE_NOW=$(at 30) $JC contest start spring --user cy >/dev/null
EVIL='<img src=x onerror=alert(1)>&"'
JUDGE_NOW=$(at 1) $JC contest start spring --user "$EVIL" >/dev/null

sub() { # MIN SEC USER LETTER FILE
	JUDGE_NOW=$(at "$1" "$2") $JC contest submit spring "$4" "$5" --user "$3" >/dev/null 2>&1
}
# ana: A = WA(3) CE(5) WA(10) AC(41:59) WA(50, ignored); B = AC(46)
sub 3 0 ana A wa.c; sub 5 0 ana A ce.c; sub 10 0 ana A wa.c
sub 41 59 ana A ac_echo.c; sub 50 0 ana A wa.c; sub 46 0 ana B ac_twice.c
# ana: 2 solved, penalty 41 + 40 + 46 = 127
# bo: A = AC(20); B = WA(30) AC(67): 20 + 67 + 20 = 107 ... then make a tie:
sub 20 0 bo A ac_echo.c; sub 30 0 bo B wa.c; sub 67 0 bo B ac_twice.c
# cy (own clock from 10:30): A = AC at his minute 60 (10:30 + 60), B = AC at
# minute 47: 107, tied with bo
sub 90 0 cy A ac_echo.c; sub 77 0 cy B ac_twice.c
# cy in his freeze (his minute 95 = 12:05): C = AC; ana in hers: C = WA
sub 125 0 cy C ac_inc.c; sub 100 0 ana C wa.c
sub 2 0 "$EVIL" C wa.c

JUDGE_NOW=$(at 126) run $JC contest scoreboard spring --json --user ana
equals "frozen while cy is in his freeze" "$(echo "$OUT" | jq .frozen)" true
equals "ana: rank 3" "$(echo "$OUT" | jq '.rows[] | select(.user == "ana") | .rank')" 3
equals "ana: penalty (CE and post-AC ignored)" "$(echo "$OUT" | jq '.rows[] | select(.user == "ana") | .penalty')" 127
equals "ana: A attempts" "$(echo "$OUT" | jq '.rows[] | select(.user == "ana") | .problems[0].attempts')" 3
equals "ana: A minute" "$(echo "$OUT" | jq '.rows[] | select(.user == "ana") | .problems[0].minute')" 41
equals "ana sees her own frozen WA" "$(echo "$OUT" | jq -c '.rows[] | select(.user == "ana") | .problems[2] | [.attempts, .pending]')" "[1,false]"
equals "bo and cy share rank 1" "$(echo "$OUT" | jq -c '[.rows[] | select(.rank == 1) | .user]')" '["bo","cy"]'
equals "cy's frozen AC is pending to ana" "$(echo "$OUT" | jq -c '.rows[] | select(.user == "cy") | .problems[2] | [.solved, .pending, .attempts]')" "[false,true,1]"
equals "cy's solved count hides it" "$(echo "$OUT" | jq '.rows[] | select(.user == "cy") | .solved')" 2
equals "unsolved minute is null" "$(echo "$OUT" | jq '.rows[] | select(.user == "bo") | .problems[2].minute')" null
equals "last rank" "$(echo "$OUT" | jq '.rows[-1].rank')" 4

JUDGE_NOW=$(at 126) run $JC contest scoreboard spring --json --user cy
equals "cy sees his own AC" "$(echo "$OUT" | jq '.rows[0] | [.user, .solved, .rank] | join(" ")' -r)" "cy 3 1"
equals "ana's window is over: her freeze is revealed to cy" "$(echo "$OUT" | jq -c '.rows[] | select(.user == "ana") | .problems[2] | [.attempts, .pending]')" "[1,false]"

JUDGE_NOW=$(at 200) run $JC contest scoreboard spring --json --user nobody
equals "after every window: not frozen" "$(echo "$OUT" | jq .frozen)" false
equals "after every window: cy first" "$(echo "$OUT" | jq -r '.rows[0].user')" cy
equals "cy's penalty" "$(echo "$OUT" | jq '.rows[0].penalty')" $((60 + 47 + 95))

JUDGE_NOW=$(at 126) run $JC --no-color contest scoreboard spring --user ana
contains "terminal: solved after 2 rejected" "$OUT" "+2/41"
contains "terminal: first try" "$OUT" "+/46"
contains "terminal: pending cell" "$OUT" "?1"
contains "terminal: rejected cell" "$OUT" "-1"
contains "terminal: frozen note" "$OUT" "frozen"

JUDGE_NOW=$(at 126) expect_exit 0 "html" $JC contest scoreboard spring --html board.html --user ana
check "html written" test -s board.html
H=$(cat board.html)
contains "html: a table" "$H" "<table>"
contains "html: escaped user" "$H" "&lt;img src=x onerror=alert(1)&gt;&amp;&quot;"
lacks "html: no raw user markup" "$H" "<img"
lacks "html: no external assets" "$H" "http"
lacks "html: no scripts" "$H" "<script"
contains "html: pending cell" "$H" "cell pend"
contains "html: column per letter" "$H" '<th class="prob">C'
check "html: well-formed" python3 -c 'import sys, html.parser
class P(html.parser.HTMLParser):
    def __init__(s): super().__init__(); s.stack = []
    def handle_starttag(s, t, a):
        if t not in ("meta", "br"): s.stack.append(t)
    def handle_endtag(s, t):
        assert s.stack and s.stack.pop() == t, t
p = P(); p.feed(open("board.html").read()); assert not p.stack, p.stack'

expect_exit 2 "html into a missing folder" $JC contest scoreboard spring --html nosuch/dir/b.html

finish
