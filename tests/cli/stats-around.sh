#!/bin/sh
# sitrep stats --around: the bundled data set around Barkhane's withdrawal,
# checked against counts made another way (sqlite3 on the file, and sitrep
# count over the two windows' dates, which sqlite3's date() computes).
. "$SRCDIR/tests/lib.sh"
if ! command -v sqlite3 >/dev/null 2>&1; then
	echo "1..0 # SKIP the sqlite3 command-line shell is not installed"
	exit 0
fi
plan 19
q() { sqlite3 -readonly -batch "$SITREP_DB" "$1"; }
# the figure in column $2 of the row named $1 (first word)
fig() { printf '%s\n' "$OUT" | awk -v r="$1" -v c="$2" '$1 == r { print $c; exit }'; }

id=$(q "SELECT id FROM event WHERE kind = 'context' AND title LIKE 'Last Barkhane%'")
day=$(q "SELECT date_start FROM event WHERE id = $id")
is "Barkhane's withdrawal is on 2022-08-15" "$day" 2022-08-15

# windows of n days: before [day-n, day-1], after [day, day+n-1]
window() {
	bfrom=$(q "SELECT date('$day', '-$1 days')")
	bto=$(q "SELECT date('$day', '-1 days')")
	afrom=$day
	ato=$(q "SELECT date('$day', '+$(($1 - 1)) days')")
}
# incidents and fatalities between two days, by sqlite3
inc() { q "SELECT count(*) FROM event WHERE kind = 'incident' AND date_start BETWEEN '$1' AND '$2'"; }
dead() { q "SELECT coalesce(sum(fatalities), 0) FROM event WHERE kind = 'incident' AND date_start BETWEEN '$1' AND '$2'"; }

window 90
run "$SITREP" stats --around "$id" --window 90d
is "90d: exits 0" "$RC" 0
like "90d: before window" "$OUT" "^before: $bfrom \.\. $bto\$"
like "90d: after window from the event's own day" "$OUT" "^after:  $afrom \.\. $ato .from the event's own day, which counts in after.$"
is "90d: events before" "$(fig events 2)" "$(inc "$bfrom" "$bto")"
is "90d: events after" "$(fig events 3)" "$(inc "$afrom" "$ato")"
is "90d: events before as sitrep count has them" "$(fig events 2)" \
	"$("$SITREP" count "date:$bfrom..$bto" kind:incident)"
is "90d: fatalities before" "$(fig fatalities 2)" "$(dead "$bfrom" "$bto")"
is "90d: fatalities after" "$(fig fatalities 3)" "$(dead "$afrom" "$ato")"
run "$SITREP" stats --around "$id"
is "90 days is the default" "$(fig events 2)" "$(inc "$bfrom" "$bto")"

window 365
run "$SITREP" stats --around "$id" --window 365d
is "365d: events before" "$(fig events 2)" "$(inc "$bfrom" "$bto")"
is "365d: events after" "$(fig events 3)" "$(inc "$afrom" "$ato")"
is "365d: fatalities after" "$(fig fatalities 3)" "$(dead "$afrom" "$ato")"
like "365d: median distance from Bamako" "$OUT" '^median km from Bamako +[0-9]+\.[0-9] '
run "$SITREP" stats --around "$id" --window 365d actor:JNIM
is "365d, actor:JNIM: events after as sitrep count has them" "$(fig events 3)" \
	"$("$SITREP" count "date:$afrom..$ato" kind:incident actor:JNIM)"

incident=$(q "SELECT min(id) FROM event WHERE kind = 'incident'")
run "$SITREP" stats --around "$incident"
like "an incident: not a context event" "$ERR" "is an incident, not a context event"
run "$SITREP" stats --around 999999
like "no such event: said" "$ERR" "no event with id 999999"
run "$SITREP" stats --around "$id" --window 90
is "malformed window: usage error" "$RC" 2
run "$SITREP" stats --around "$id" --window 0d
like "window of 0 days: refused" "$ERR" "^sitrep: --window: expected"
done_testing
