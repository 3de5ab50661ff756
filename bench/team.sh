#!/bin/sh
# bench/team.sh: a team on one server, at size. ROWS generated ACLED rows
# (default 100,000; bench/gen-acled.awk) imported into a WAL file as
# `sitrep import` makes it; four TUIs open on it in real terminals (tmux)
# while `sitrep import` updates 1% of the rows and adds 2. Checks what
# issue 14 asks of them: no error on any screen, each says "2 new, N
# updated events" within 2 s of the import's end and keeps its cursor's
# event; and times the import with the four TUIs open against the same
# import with none, RUNS times each, alternating (medians, and their ratio).
# Usage: bench/team.sh [ROWS [RUNS]]   env: SITREP (path to sitrep)
set -eu
rows=${1:-100000}
runs=${2:-3}
here=$(cd "$(dirname "$0")" && pwd)
SITREP=${SITREP:-$here/../src/sitrep}
command -v tmux >/dev/null || { echo "bench/team.sh: needs tmux" >&2; exit 1; }
dir=$(mktemp -d "${TMPDIR:-/tmp}/sitrep-team.XXXXXX")
sock=sitrep-team-$$
tm() { tmux -L "$sock" -f /dev/null "$@"; }
trap 'tm kill-server 2>/dev/null; rm -rf "$dir"' EXIT
now() { date +%s.%N; }
ms() { echo $(($(date +%s%N) / 1000000)); }
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
upd=$((rows / 100))

echo "generating $rows rows..."
awk -v n="$rows" -f "$here/gen-acled.awk" >"$dir/all.csv"
"$SITREP" import --quiet --db "$dir/base.db" "$dir/all.csv"
# upd rows again with a newer ACLED timestamp, and 2 new events dated
# before every other (so the cursor's event moves from line 2 to line 4)
awk -F, -v u="$upd" 'NR == 1 { print; next }
	NR <= u + 1 { t = $NF; sub(/[0-9]+$/, t + 1); print }
	NR == 2 { for (k = 1; k <= 2; k++) { r = $0
		sub(/^MLI[0-9]+,[0-9-]+,[0-9]+/, "MLIX" k ",1990-01-0" k ",1990", r); print r } }' \
	"$dir/all.csv" >"$dir/update.csv"
printf 'export TERM=xterm-256color LC_ALL=C.UTF-8 HOME=%s XDG_STATE_HOME=%s/state\n' "$dir" "$dir" >"$dir/tui.sh"
printf '"%s" --no-context --db "$2" 2>"%s/tui-$1.err"; echo "EXIT=$?"; sleep 600\n' "$SITREP" "$dir" >>"$dir/tui.sh"

# screens_show PATTERN SECONDS: every screen shows it within SECONDS of
# $from (ms; default now); $seen is then the slowest screen's delay in ms
screens_show() {
	start=${from:-$(ms)}
	from=
	end=$((start + $2 * 1000))
	left="1 2 3 4"
	seen=0
	while :; do
		rest=
		for k in $left; do
			if tm capture-pane -p -t "t$k" | grep -Eq "$1"; then seen=$(($(ms) - start))
			else rest="$rest $k"; fi
		done
		left=$rest
		[ -z "$left" ] && return 0
		[ "$(ms)" -gt "$end" ] && return 1
		sleep 0.02
	done
}
import_into() { # DB: seconds
	t0=$(now)
	"$SITREP" import --quiet --db "$1" "$dir/update.csv"
	t1=$(now)
	awk "BEGIN { printf \"%.3f\", $t1 - $t0 }"
}

: >"$dir/alone"
: >"$dir/with"
fails=0
for r in $(seq "$runs"); do
	cp "$dir/base.db" "$dir/a.db"
	import_into "$dir/a.db" >>"$dir/alone"
	echo >>"$dir/alone"
	cp "$dir/base.db" "$dir/t.db"
	for k in 1 2 3 4; do tm new-session -d -s "t$k" -x 100 -y 24 "sh $dir/tui.sh $k $dir/t.db"; done
	if ! screens_show " 1/$rows *\$" 30; then
		echo "run $r: the four TUIs did not open"; fails=$((fails + 1))
	fi
	for k in 1 2 3 4; do tm send-keys -t "t$k" j; done
	screens_show " 2/$rows *\$" 10 || { echo "run $r: j did not move"; fails=$((fails + 1)); }
	sleep 3 # the TUIs idle, as a team's do: each checks the file every 2 s
	import_into "$dir/t.db" >>"$dir/with"
	echo >>"$dir/with"
	from=$(ms)
	if screens_show "2 new, $upd updated events" 2 && screens_show " 4/$((rows + 2)) *\$" 1; then
		echo "run $r: all four screens show \"2 new, $upd updated events\" and keep the cursor's event; the slowest within $seen ms of the import's end"
	else
		echo "run $r: not every screen showed the update within 2 s:"; fails=$((fails + 1))
		for k in 1 2 3 4; do tm capture-pane -p -t "t$k" | tail -2; done; cat "$dir"/tui-*.err
	fi
	if for k in 1 2 3 4; do tm capture-pane -p -t "t$k"; done | grep -qi "locked\|error" ||
		[ -n "$(cat "$dir"/tui-*.err 2>/dev/null)" ]; then
		echo "run $r: an error on a screen or stderr"; fails=$((fails + 1))
	fi
	tm kill-server 2>/dev/null || true
done
a=$(median <"$dir/alone")
w=$(median <"$dir/with")
echo "import of $upd updated + 2 new rows into $rows: alone median ${a} s, with four TUIs open median ${w} s," \
	"ratio $(awk "BEGIN { printf \"%.3f\", $w / $a }") (target: at most 1.10); runs $runs, failures $fails"
[ "$fails" = 0 ]
