#!/bin/sh
# bench/export.sh: `sitrep export` in every format and `sitrep list --format
# tsv` of every event of DB, each against the sqlite3 shell writing the
# same rows in the same (timeline) order with the same columns -- the
# actors by role and the sources grouped, one pass over each table, not a
# query per row -- in the nearest shell mode, in the same run: RUNS rounds
# (default 3), the two taking turns, output to /dev/null. Prints each
# format's median seconds, the shell's median and the median of the
# rounds' ratios (target: at most 1.5), the same for CPU seconds, and
# sitrep's peak RSS (kB, GNU time) over the rounds. A shared machine moves
# both by 10-15%: read the ratio, not the seconds.
# Usage: bench/export.sh DB
# env:   SITREP (path to sitrep), RUNS (3), FORMATS (default: all of them)
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

# The shell's peer: the same rows in the same (timeline) order with the
# same columns, the actors and sources grouped (one pass over each table,
# not a query per row). export: every event column, the names of each
# role, the sources as a JSON array; list: list's columns and the actors.
cols="e.id, e.kind, e.date_start, e.date_end, e.date_precision, e.title"
export_sql="SELECT $cols, e.description, e.event_type, e.sub_event_type, e.location,
 e.admin1, e.admin2, e.country, e.lat, e.lon, e.geo_precision, e.fatalities, e.fatalities_low,
 e.fatalities_high, e.fatalities_note, e.origin, e.origin_id, e.extra, a.actor1, a.actor2,
 a.assoc, a.claimed, a.target, a.involved, s.sources FROM event e LEFT JOIN (SELECT ea.event_id,
 group_concat(CASE ea.role WHEN 'actor1' THEN ac.name END, '; ') AS actor1,
 group_concat(CASE ea.role WHEN 'actor2' THEN ac.name END, '; ') AS actor2,
 group_concat(CASE ea.role WHEN 'assoc' THEN ac.name END, '; ') AS assoc,
 group_concat(CASE ea.role WHEN 'claimed' THEN ac.name END, '; ') AS claimed,
 group_concat(CASE ea.role WHEN 'target' THEN ac.name END, '; ') AS target,
 group_concat(CASE ea.role WHEN 'involved' THEN ac.name END, '; ') AS involved
 FROM event_actor ea JOIN actor ac ON ac.id = ea.actor_id GROUP BY ea.event_id) a
 ON a.event_id = e.id LEFT JOIN (SELECT event_id, json_group_array(json_object('title', title,
 'publisher', publisher, 'url', url, 'published', published, 'quote', quote, 'fatalities',
 fatalities)) AS sources FROM source GROUP BY event_id) s ON s.event_id = e.id
 ORDER BY e.date_start, e.id;"
list_sql="SELECT $cols, e.event_type, e.location, e.admin1, e.lat, e.lon, e.fatalities, a.names
 FROM event e LEFT JOIN (SELECT ea.event_id, group_concat(ac.name, '; ') AS names
 FROM event_actor ea JOIN actor ac ON ac.id = ea.actor_id GROUP BY ea.event_id) a
 ON a.event_id = e.id ORDER BY e.date_start, e.id;"
peer_sql() {
	case $1 in
	list-tsv) echo "$list_sql" ;;
	*) echo "$export_sql" ;;
	esac
}
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

# timed OUT CMD...: CMD's wall seconds, CPU seconds (user + system) and
# peak RSS (kB) into OUT, through GNU time when there is one.
if /usr/bin/time -f %M true 2>/dev/null; then
	timed() {
		o=$1; shift
		/usr/bin/time -o "$dir/t" -f "%e %U %S %M" "$@" >/dev/null 2>"$dir/err" ||
			{ cat "$dir/err" >&2; exit 1; }
		awk '{ printf "%.2f %.2f %s\n", $1, $2 + $3, $4 }' "$dir/t" >"$o"
	}
else
	timed() {
		o=$1; shift
		t0=$(now)
		"$@" >/dev/null 2>"$dir/err" || { cat "$dir/err" >&2; exit 1; }
		echo "$(secs "$t0" "$(now)") - -" >"$o"
	}
fi

rows=$(sqlite3 "$db" "SELECT count(*) FROM event;")
echo "export of $rows events; $runs rounds, the shell and sitrep taking turns (machine shared: ratios count)"
printf '%-10s %9s %9s %7s %9s %9s %7s %9s\n' format sitrep_s shell_s ratio sitrep_cpu \
	shell_cpu cpu_x rss_kB
for fmt in ${FORMATS:-csv tsv json acled native list-tsv}; do
	: >"$dir/s"; : >"$dir/p"; : >"$dir/r"; : >"$dir/sc"; : >"$dir/pc"; : >"$dir/rc"
	rss=0
	i=0
	while [ "$i" -lt "$runs" ]; do
		i=$((i + 1))
		# shellcheck disable=SC2046
		timed "$dir/tp" sqlite3 $(shell_mode "$fmt") -header "$db" "$(peer_sql "$fmt")"
		case $fmt in
		list-tsv) timed "$dir/ts" "$SITREP" list --db "$db" --format tsv ;;
		*) timed "$dir/ts" "$SITREP" export --db "$db" --format "$fmt" ;;
		esac
		read -r p pc _ <"$dir/tp"
		read -r s sc m <"$dir/ts"
		echo "$p" >>"$dir/p"; echo "$s" >>"$dir/s"; echo "$pc" >>"$dir/pc"; echo "$sc" >>"$dir/sc"
		awk "BEGIN { printf \"%.2f\n\", $s / ($p > 0 ? $p : 0.01) }" >>"$dir/r"
		if [ "$sc" != - ]; then
			awk "BEGIN { printf \"%.2f\n\", $sc / ($pc > 0 ? $pc : 0.01) }" >>"$dir/rc"
			[ "$m" -gt "$rss" ] && rss=$m
		else
			echo - >>"$dir/rc"
		fi
	done
	printf '%-10s %9s %9s %7s %9s %9s %7s %9s\n' "$fmt" "$(median <"$dir/s")" \
		"$(median <"$dir/p")" "$(median <"$dir/r")" "$(median <"$dir/sc")" \
		"$(median <"$dir/pc")" "$(median <"$dir/rc")" "$rss"
done
echo "target: ratio at most 1.5 for every format, rss constant in the file's size;"
echo "cpu_x: the same ratio of CPU seconds (user + system), steadier on a loaded machine"
