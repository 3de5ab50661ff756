#!/bin/sh
# TTY tests: the real program in a real terminal (tmux), driven with
# send-keys, read with capture-pane, resized with resize-window, under
# several TERM values. Skipped (TAP skip) when tmux is not installed.
set -u
. "$SRCDIR/tests/lib.sh"
TM=${TMUX_BIN:-}
[ -n "$TM" ] || TM=$(command -v tmux || true)
if [ -z "$TM" ]; then
	echo "1..0 # SKIP tmux not installed"
	exit 0
fi
plan 24
# The bundled data set's size and its January 2012 count, as the status line
# and the strip's month column show them (data/events.sitrep).
ALL=114
JAN12=3
# Under AddressSanitizer: full stacks (libgpm is dlopened and gone by exit)
# so the one leak inside ncurses can be named and suppressed.
lsan="${LSAN_OPTIONS:+$LSAN_OPTIONS:}fast_unwind_on_malloc=0:suppressions=$SRCDIR/tests/tty/lsan.supp"
nsock=0
sock=sitrep-tty-$$-0
tm() { "$TM" -L "$sock" -f /dev/null "$@"; }
trap 'tm kill-server 2>/dev/null; rm -rf "$TMP"' EXIT
# a pane running sitrep (on $PANE_DB when set), then printing how it ended
# and the tty modes
start() { # TERM COLSxROWS [ENV...]
	term=$1 size=$2
	shift 2
	# a fresh server each time: a new session never races a dying one
	tm kill-server 2>/dev/null
	nsock=$((nsock + 1))
	sock=sitrep-tty-$$-$nsock
	cat > "$TMP/pane.sh" <<PANE
export TERM=$term LC_ALL=C.UTF-8 TZ=UTC HOME=$TMP XDG_STATE_HOME=$TMP/state XDG_DATA_HOME=$TMP/data \
	XDG_CONFIG_HOME=$TMP/config $*
export LSAN_OPTIONS="$lsan"
stty sane
echo \$\$ > "$TMP/pane.pid"
"$SITREP" --db "${PANE_DB:-$SITREP_DB}" ${PANE_STDIN:+< "$PANE_STDIN"}
echo "EXIT=\$?"
stty -a | tr ' ' '\n' | grep -x -e -icanon -e icanon -e echo -e -echo | tr '\n' ' '
echo
sleep 60
PANE
	tm new-session -d -x "${size%x*}" -y "${size#*x}" "sh $TMP/pane.sh"
}
screen() { tm capture-pane -p; }
# The sitrep this pane started (its shell's child): never another test's,
# since make check runs tests side by side.
sitrep_pid() { pgrep -P "$(cat "$TMP/pane.pid")" || true; }
# wait until the screen shows PATTERN (grep -E), up to 15 s (a loaded
# machine running make -j2 check can take seconds to schedule the pane)
wait_for() {
	for _ in $(seq 150); do
		screen | grep -Eq "$1" && return 0
		sleep 0.1
	done
	return 1
}
# wait until line N of the screen shows PATTERN: after a resize, the old
# screen's status line matches a pattern until sitrep has redrawn
wait_line() {
	for _ in $(seq 150); do
		screen | sed -n "$1p" | grep -Eq "$2" && return 0
		sleep 0.1
	done
	return 1
}
ended_clean() { # the program exited 0 and left the tty in canonical mode with echo
	# the stty line comes after EXIT=: wait for it, not for EXIT= alone
	wait_for '(^| )-?icanon -?echo' && screen | grep -q "EXIT=$1" &&
		screen | grep -Eq '(^| )icanon echo'
}

start xterm-256color 80x24
if wait_for "\\? help  1/$ALL *\$" && tm send-keys j && wait_for " 2/$ALL *\$" &&
	! screen | grep -q '? help'; then
	pass "the status line says '? help' until the first key"
else fail "? help until the first key" "$(screen)"; fi
tm send-keys k
if wait_for " 1/$ALL *\$" && tm send-keys q && ended_clean 0; then
	pass "xterm-256color: starts, q quits, terminal restored"
else fail "xterm-256color: start and quit" "$(screen)"; fi

start xterm-256color 120x40
wait_for " 1/$ALL *\$"
tm resize-window -x 90 -y 30
if wait_line 29 " 1/$ALL *\$"; then
	pass "resize: status line moves to the new bottom"
else fail "resize to 90x30" "$(screen)"; fi
tm resize-window -x 30 -y 8
if wait_for 'too small'; then pass "resize below 40x10: too-small notice"
else fail "too small" "$(screen)"; fi
tm resize-window -x 100 -y 30
tm send-keys j
if wait_for " 2/$ALL *\$"; then pass "resize back: browsing goes on"
else fail "resize back" "$(screen)"; fi

# quitting after the terminal grew: nothing of the timeline is left above
# the shell's prompt (tmux carried the alternate screen's last lines over
# until sitrep left it blank), as less leaves it
start xterm-256color 80x24
wait_for " 1/$ALL *\$"
tm resize-window -x 200 -y 50
if wait_line 49 " 1/$ALL *\$" &&
	tm send-keys q && ended_clean 0 && [ "$(screen | grep -v -e '^$' -e '^EXIT=' -e 'icanon' | wc -l)" = 0 ]; then
	pass "quit after a resize: no timeline line left above the prompt"
else fail "quit after a resize" "$(screen)"; fi

# y copies the citation through OSC 52; tmux with set-clipboard on takes it
# into a paste buffer, which show-buffer reads (polled, as the screen is)
start xterm-256color 80x24
tm set-option -s set-clipboard on
cite="2012-01-17, Ménaka, Mali: MNLA attack on Ménaka (First Battle of Ménaka)."
buffer_has() { # up to 15 s for tmux's newest buffer to start with $1
	for _ in $(seq 150); do
		case "$(tm show-buffer 2>/dev/null)" in "$1"*) return 0 ;; esac
		sleep 0.1
	done
	return 1
}
if wait_for " 1/$ALL *\$" && tm send-keys y && wait_for '^Copied #7 as a citation' &&
	buffer_has "$cite" && tm show-buffer | grep -q 'Sources: https://'; then
	pass "y under tmux (set-clipboard on): the citation is in tmux's buffer"
else fail "OSC 52 into tmux's buffer" "$(screen)" "buffer: $(tm show-buffer 2>&1)"; fi

for term in screen-256color vt100 linux; do
	start "$term" 80x24
	if wait_for " 1/$ALL *\$" && tm send-keys G && wait_for " $ALL/$ALL *\$" && tm send-keys q &&
		ended_clean 0; then
		pass "TERM=$term: draws, moves, quits cleanly"
	else fail "TERM=$term" "$(screen)"; fi
done

start vt100 80x24 LC_ALL=C
if wait_for " 1/$ALL *\$" && ! screen | grep -q '[^ -~]' && screen | grep -q '== 2012 =='; then
	pass "C locale: ASCII only"
else fail "C locale" "$(screen)"; fi

# The strip and the status line's total come from event_day on the first
# screen; a table edited since the import (five events too many on the
# first day) is caught by the check right after it, and the pass's counts
# take its place: $ALL events, $JAN12 in January 2012 (not five more).
cp "$SITREP_DB" "$TMP/stale.db"
sqlite3 "$TMP/stale.db" "UPDATE event_day SET events = events + 5
	WHERE date_start = (SELECT min(date_start) FROM event_day)"
PANE_DB=$TMP/stale.db start xterm-256color 80x24
if wait_for " 1/$ALL *\$" && wait_for "2012-01 +$JAN12 *\$" && ! screen | grep -q counting; then
	pass "event_day that disagrees with the events: counted again"
else fail "stale event_day" "$(screen)"; fi
# a file without the table (as sitrep 1 wrote): the pass, as before
cp "$SITREP_DB" "$TMP/nodays.db"
sqlite3 "$TMP/nodays.db" "DROP TABLE event_day"
PANE_DB=$TMP/nodays.db start xterm-256color 80x24
if wait_for " 1/$ALL *\$" && wait_for "2012-01 +$JAN12 *\$" && ! screen | grep -q counting; then
	pass "no event_day: counted by the pass"
else fail "no event_day" "$(screen)"; fi
PANE_DB=

# mouse wheel down, as xterm reports it (SGR 1006), three lines a notch
start xterm-256color 80x24
wait_for " 1/$ALL *\$"
tm send-keys -l "$(printf '\033[<65;10;5M')"
if wait_for " 4/$ALL *\$"; then pass "mouse wheel scrolls"
else fail "mouse wheel" "$(screen)"; fi

start dumb 80x24
if wait_for 'EXIT=' && screen | grep -q 'EXIT=1' && screen | grep -q 'cannot position the cursor'; then
	pass "TERM=dumb: one clear line, non-zero exit"
else fail "TERM=dumb" "$(screen)"; fi

start xterm-256color 80x24
wait_for " 1/$ALL *\$"
pid=$(sitrep_pid)
[ -n "$pid" ] && kill -TERM "$pid"
if ended_clean 143; then pass "SIGTERM: terminal restored, exit 143"
else fail "SIGTERM" "$(screen)"; fi

start xterm-256color 80x24
wait_for " 1/$ALL *\$"
pid=$(sitrep_pid)
[ -n "$pid" ] && kill -HUP "$pid"
if ended_clean 129; then pass "SIGHUP (SSH drop): terminal restored, exit 129"
else fail "SIGHUP" "$(screen)"; fi
# every signal that ends the program puts the terminal back first
for sig in QUIT:131 PIPE:141 USR1:138 ALRM:142; do
	start xterm-256color 80x24
	wait_for " 1/$ALL *\$"
	pid=$(sitrep_pid)
	[ -n "$pid" ] && kill -"${sig%:*}" "$pid"
	if ended_clean "${sig#*:}"; then pass "SIG${sig%:*}: terminal restored, exit ${sig#*:}"
	else fail "SIG${sig%:*}" "$(screen)"; fi
done

# standard input from a file (sitrep < /dev/null): keys from the terminal
PANE_STDIN=/dev/null start xterm-256color 80x24
if wait_for " 1/$ALL *\$" && tm send-keys j && wait_for " 2/$ALL *\$" && tm send-keys q &&
	ended_clean 0; then
	pass "stdin not a terminal: keys read from /dev/tty"
else fail "stdin from /dev/null" "$(screen)"; fi
PANE_STDIN=

# live updates: another process imports into the file being browsed; the
# TUI shows the new rows within 2 s, says so, and keeps its cursor's event
cp "$SITREP_DB" "$TMP/live.db"
cat > "$TMP/later.sitrep" <<'LATER'
# sitrep-data 1
# synthetic: a test fixture, not a fact (two events dated before the data set)
@event
id: live-1
kind: incident
date: 2011-06-01
title: Live update fixture one
country: Mali
source: Test fixture

@event
id: live-2
kind: incident
date: 2011-06-02
title: Live update fixture two
country: Mali
source: Test fixture
LATER
PANE_DB="$TMP/live.db" start xterm-256color 100x24
if wait_for " 1/$ALL *\$" && tm send-keys j && wait_for " 2/$ALL *\$" &&
	"$SITREP" import --quiet --db "$TMP/live.db" "$TMP/later.sitrep" &&
	wait_for "2 new events" && wait_for " 4/$((ALL + 2)) *\$"; then
	pass "live update: 2 new events shown, the cursor kept on its event (2/$ALL -> 4/$((ALL + 2)))"
else fail "live update" "$(screen)"; fi
PANE_DB=

# A team on one server: four TUIs on one WAL file (as sitrep import makes
# it) while an import adds 2 events and updates 50: none shows an error,
# each shows the new rows and keeps its cursor's event. 20,000 generated
# events keep the test to seconds (bench/ has the large runs).
N=20000
awk -v n=$N -f "$SRCDIR/bench/gen-acled.awk" >"$TMP/team.csv"
"$SITREP" import --quiet --db "$TMP/team.db" "$TMP/team.csv"
# 50 rows again with a newer ACLED timestamp, and 2 new events dated before
# every other (so the cursor's event moves from line 2 to line 4)
awk -F, 'NR == 1 { print; next }
	NR <= 51 { t = $NF; sub(/[0-9]+$/, t + 1); print }
	NR == 2 { for (k = 1; k <= 2; k++) { r = $0
		sub(/^MLI[0-9]+,[0-9-]+,[0-9]+/, "MLIX" k ",1990-01-0" k ",1990", r); print r } }' \
	"$TMP/team.csv" >"$TMP/team-update.csv"
cat > "$TMP/team.sh" <<TEAM
export TERM=xterm-256color LC_ALL=C.UTF-8 TZ=UTC HOME=$TMP XDG_STATE_HOME=$TMP/state \
	XDG_DATA_HOME=$TMP/data XDG_CONFIG_HOME=$TMP/config LSAN_OPTIONS="$lsan"
"$SITREP" --no-context --db "$TMP/team.db" 2>"$TMP/team-\$1.err"
echo "EXIT=\$?"
sleep 60
TEAM
tm kill-server 2>/dev/null
nsock=$((nsock + 1))
sock=sitrep-tty-$$-$nsock
for k in 1 2 3 4; do tm new-session -d -s "team$k" -x 100 -y 24 "sh $TMP/team.sh $k"; done
team_wait() { # PATTERN: every one of the four screens shows it, up to 30 s
	for _ in $(seq 300); do
		ok=0
		for k in 1 2 3 4; do tm capture-pane -p -t "team$k" | grep -Eq "$1" && ok=$((ok + 1)); done
		[ $ok = 4 ] && return 0
		sleep 0.1
	done
	return 1
}
team_ok=no
if team_wait " 1/$N *\$"; then
	for k in 1 2 3 4; do tm send-keys -t "team$k" j; done
	if team_wait " 2/$N *\$" && "$SITREP" import --quiet --db "$TMP/team.db" "$TMP/team-update.csv" &&
		team_wait "2 new, 50 updated events" && team_wait " 4/$((N + 2)) *\$"; then
		team_ok=yes
	fi
fi
errs=$(cat "$TMP"/team-*.err 2>/dev/null)
if [ $team_ok = yes ] && [ -z "$errs" ] &&
	! for k in 1 2 3 4; do tm capture-pane -p -t "team$k"; done | grep -qi "locked\|error"; then
	pass "four TUIs on one WAL file during an import: each says "2 new, 50 updated events", keeps its cursor (2/$N -> 4/$((N + 2))), no error"
else fail "four TUIs during an import" "$(tm capture-pane -p -t team1)" "stderr: $errs"; fi
exit $TAP_FAILED
