#!/bin/sh
# bench/map.sh [DB...]: the map's cost on big files, in the TUI and on the
# command line, at 120x40. For each file:
#   tui_first_ms  the TUI opened on the map view (config "view = map")
#                 until its screen is complete and quiet: the extent
#                 measured and every cell counted (ttyprobe's first_frame_s;
#                 the median of RUNS starts, default 3, and their range);
#   tui_rss_kb    the TUI's peak RSS over that run (ttyprobe's figure);
#   quit_ms       keys while the map counts: Q sent as soon as the first
#                 output shows, until the process has exited (a count that
#                 blocked keys would show here as its whole length);
#   tl_quit_ms    the same with the timeline opened instead (no config):
#                 what reading a key and exiting cost without the map;
#   cli_ms        `sitrep map --width 120 --height 40` to the end (one
#                 GROUP BY), and cli_rss_kb its peak RSS (GNU time).
# Default files: 10,000 and 1,000,000 events made by bench/gen-events in
# $TMPDIR (as bench/tui.sh). Run it under `nice -n 19` on a shared machine.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/.." && pwd)
build=${BUILDDIR:-$top}
sitrep=${SITREP:-$build/src/sitrep}
# the shared tools sit beside the main checkout (../shared) or, from a
# worktree in /work/wt/NAME, two levels up
probe=${TTYPROBE:-$top/../shared/tools/ttyprobe.py}
[ -f "$probe" ] || probe=$top/../../shared/tools/ttyprobe.py
tmp=${TMPDIR:-/tmp}
runs=${RUNS:-3}
if [ $# -eq 0 ]; then
	for n in 10000 1000000; do
		db=$tmp/sitrep-bench-$n.db
		[ -f "$db" ] || SITREP=$sitrep "$here/gen-events" "$n" "$db" >/dev/null
		set -- "$@" "$db"
	done
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/config/sitrep"
echo "view = map" > "$work/config/sitrep/config"
export HOME=$work XDG_STATE_HOME=$work/state XDG_CONFIG_HOME=$work/config

field() { python3 -c 'import json,sys; d=json.loads(sys.stdin.read()); print(d[sys.argv[1]])' "$1"; }
# median MIN-MAX of numbers (one a line, in seconds) as ms
stats() {
	python3 -c 'import sys
v = sorted(round(float(x) * 1000) for x in sys.stdin)
print("%d %d-%d" % (v[len(v) // 2], v[0], v[-1]))'
}
# quit_s CMD...: seconds from the first output to the exit, Q sent then
quit_s() {
	python3 - "$@" <<'EOF'
import os, pty, select, struct, sys, termios, fcntl, time
env = dict(os.environ, TERM="xterm-256color", LINES="40", COLUMNS="120")
pid, fd = pty.fork()
if pid == 0:
    os.execvpe(sys.argv[1], sys.argv[1:], env)
fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
select.select([fd], [], [], 30)
os.write(fd, b"Q")
t0 = time.monotonic()
while True:
    r, _, _ = select.select([fd], [], [], 0.01)
    if r:
        try:
            os.read(fd, 65536)
        except OSError:
            pass
    p, _ = os.waitpid(pid, os.WNOHANG)
    if p:
        break
print(time.monotonic() - t0)
EOF
}
row() { printf '%-20s %12s %12s %10s %8s %10s %8s %10s\n' "$@"; }
row file tui_first_ms range tui_rss_kb quit_ms tl_quit_ms cli_ms cli_rss_kb
for db in "$@"; do
	t=$(for _ in $(seq "$runs"); do
		python3 "$probe" --cols 120 --rows 40 --keys '' -- "$sitrep" --db "$db" | field first_frame_s
	done | stats)
	rss=$(python3 "$probe" --cols 120 --rows 40 --keys '' -- "$sitrep" --db "$db" | field peak_rss_kb)
	q=$(for _ in $(seq "$runs"); do quit_s "$sitrep" --db "$db"; done | stats)
	tq=$(for _ in $(seq "$runs"); do
		XDG_CONFIG_HOME=$work/none quit_s "$sitrep" --db "$db"
	done | stats)
	c=$(for _ in $(seq "$runs"); do
		/usr/bin/time -f %e -o "$work/t" "$sitrep" map --db "$db" --width 120 --height 40 >/dev/null
		cat "$work/t"
	done | stats)
	/usr/bin/time -f %M -o "$work/rss" "$sitrep" map --db "$db" --width 120 --height 40 >/dev/null
	row "$(basename "$db")" "${t% *}" "${t#* }" "$rss" "${q% *}" "${tq% *}" "${c% *}" \
		"$(cat "$work/rss")"
done
