#!/bin/sh
# bench/export.sh: `sitrep export` in every format and `sitrep list --format
# tsv` of every event of DB, each against the sqlite3 shell writing the
# event table's columns plus each event's actors (one grouped query over
# event_actor, not a query per row) in the nearest shell mode, in the same
# run: RUNS rounds (default 3), the two taking turns, output to /dev/null.
# Prints each format's median seconds, the shell's median and the median
# of the rounds' ratios (target: at most 1.5), and sitrep's peak RSS (kB,
# GNU time) for the last round. A shared machine moves both by 10-15%:
# read the ratio, not the seconds.
# Usage: bench/export.sh DB      env: SITREP (path to sitrep), RUNS (3)
set -eu
db=${1:?usage: bench/export.sh DB}
runs=${RUNS:-3}
here=$(cd "$(dirname "$0")" && pwd)
SITREP=${SITREP:-$here/../src/sitrep}
command -v sqlite3 >/dev/null || { echo "bench/export.sh: needs the sqlite3 shell" >&2; exit 1; }
dir=$(mktemp -d "${TMPDIR:-/tmp}/sitrep-export.XXXXXX")
trap 'rm -rf "$dir"' EXIT

now() { date +%s.%N; }
secs() { awk "BEGIN { printf \"%.2f\", $2 - $1 }"; }
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# The shell's peer: the same rows in id order, with the actors grouped.
peer_sql="SELECT e.*, a.names FROM event e LEFT JOIN (SELECT ea.event_id,
 group_concat(ac.name, '; ') AS names FROM event_actor ea JOIN actor ac
 ON ac.id = ea.actor_id GROUP BY ea.event_id) a ON a.event_id = e.id ORDER BY e.id;"
shell_mode() {
	case $1 in
	tsv | list-tsv) echo "-tabs" ;;
	json) echo "-json" ;;
	*) echo "-csv" ;;
	esac
}
run_sitrep() {
	case $1 in
	list-tsv) "$SITREP" list --db "$db" --format tsv ;;
	*) "$SITREP" export --db "$db" --format "$1" ;;
	esac
}

timecmd=
if /usr/bin/time -f %M true 2>/dev/null; then timecmd="/usr/bin/time -o $dir/rss -f %M"; fi

rows=$(sqlite3 "$db" "SELECT count(*) FROM event;")
echo "export of $rows events; $runs rounds, the shell and sitrep taking turns (machine shared: ratios count)"
printf '%-10s %9s %9s %7s %9s\n' format sitrep_s shell_s ratio rss_kB
for fmt in csv tsv json acled native list-tsv; do
	: >"$dir/s"; : >"$dir/p"; : >"$dir/r"
	i=0
	while [ "$i" -lt "$runs" ]; do
		i=$((i + 1))
		t0=$(now)
		sqlite3 $(shell_mode "$fmt") -header "$db" "$peer_sql" >/dev/null
		t1=$(now)
		p=$(secs "$t0" "$t1")
		t0=$(now)
		# shellcheck disable=SC2086
		run_sitrep "$fmt" >/dev/null 2>"$dir/err" || { cat "$dir/err" >&2; exit 1; }
		t1=$(now)
		s=$(secs "$t0" "$t1")
		echo "$p" >>"$dir/p"; echo "$s" >>"$dir/s"
		awk "BEGIN { printf \"%.2f\n\", $s / ($p > 0 ? $p : 0.01) }" >>"$dir/r"
	done
	rss=-
	if [ -n "$timecmd" ]; then
		case $fmt in
		list-tsv) $timecmd "$SITREP" list --db "$db" --format tsv >/dev/null ;;
		*) $timecmd "$SITREP" export --db "$db" --format "$fmt" >/dev/null ;;
		esac
		rss=$(tail -n 1 "$dir/rss")
	fi
	printf '%-10s %9s %9s %7s %9s\n' "$fmt" "$(median <"$dir/s")" "$(median <"$dir/p")" \
		"$(median <"$dir/r")" "$rss"
done
echo "target: ratio at most 1.5 for every format, rss constant in the file's size"
