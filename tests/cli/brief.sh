#!/bin/sh
# sitrep brief: the report of actor:JNIM date:2023-01, checked against the
# data set through sitrep's own commands (count, stats, list, sql): no
# figure in this test is typed by hand.
. "$SRCDIR/tests/lib.sh"
plan 21
F="actor:JNIM date:2023-01"
run "$SITREP" brief $F
is "brief exits 0" "$RC" 0
B=$OUT
n=$("$SITREP" count $F)
like "the summary counts the filter's events" "$B" "^- \*\*Events:\*\* $n "
dead=$("$SITREP" stats --format csv $F | tail -n +2 | awk -F, '{ s += $5 } END { print s }')
like "the summary adds up the filter's fatalities" "$B" "^- \*\*Fatalities:\*\* $dead\$"
is "one entry per event" "$(printf '%s\n' "$B" | grep -c '^- \*\*Event:\*\* ')" "$n"
ids=$("$SITREP" list --format csv $F | tail -n +2 | cut -d, -f1 | tr '\n' ' ')
got=$(printf '%s\n' "$B" | sed -n 's/^- \*\*Event:\*\* \([0-9]*\),.*/\1/p' | tr '\n' ' ')
is "the entries are the filter's events, in timeline order" "$got" "$ids"
# every source of every event is a link to its address
missing=0
for url in $("$SITREP" sql --format tsv "SELECT s.url FROM source s WHERE s.event_id IN ($(echo $ids | tr ' ' ,)) AND s.url LIKE 'http%'" | tail -n +2); do
	printf '%s\n' "$B" | grep -qF "]($url)" || missing=$((missing + 1))
done
is "every source is a link" "$missing" 0
# where the sources disagree, each one's own figure is there
bad=0
for id in $ids; do
	line=$(printf '%s\n' "$B" | awk -v id="$id" '$0 ~ "^- \\*\\*Event:\\*\\* " id "," { on = 1 } on && /^- \*\*Fatalities:/ { print; exit }')
	case $line in *"the sources differ"*) ;; *) continue ;; esac
	"$SITREP" sql --format tsv "SELECT publisher || ' ' || fatalities FROM source WHERE event_id = $id AND fatalities IS NOT NULL" | tail -n +2 >"$TMP/figs"
	while IFS= read -r fig; do
		case $line in *"$fig"*) ;; *) bad=$((bad + 1)) ;; esac
	done <"$TMP/figs"
done
is "each source's figure where they disagree" "$bad" 0
like "a disagreement is shown for the data set's Markacoungo attack" "$B" 'the sources differ: '
like "the chart has the month" "$B" "^2023-01 +$n +$dead +#+\$"
"$SITREP" brief -o "$TMP/b.md" $F
is "-o writes the same report" "$(cat "$TMP/b.md")" "$B"

# :brief in the TUI writes the same report for the same filter
echo precious >"$TMP/keep.md"
cat >"$TMP/keys" <<KEYS
:filter $F
:brief $TMP/tui.md
:brief $TMP/keep.md
q
KEYS
run env SITREP_SCRIPT="$TMP/keys" SITREP_NO_DISPLAY=1 LINES=24 COLUMNS=80 HOME="$TMP" \
	XDG_STATE_HOME="$TMP/state" "$SITREP" --db "$SITREP_DB"
is "headless :brief run exits 0" "$RC" 0
check ":brief FILE.md = sitrep brief" cmp "$TMP/b.md" "$TMP/tui.md"
is ":brief does not replace an existing file" "$(cat "$TMP/keep.md")" precious

# SYNTHETIC: a made-up event whose text tries to inject a link, an image,
# an escape sequence and a javascript: address; none of it is real.
{
	printf '# sitrep-data 1\n@event\nid: md-1\nkind: incident\ndate: 2020-01-01\n'
	printf 'title: [click](http://evil.invalid) ![img](x) *bold* \033[2J\n'
	printf 'location: Bam<script>ako\n'
	printf 'source: s\nsource-url: javascript:alert(1)\n'
} >"$TMP/md.sitrep"
"$SITREP" import --quiet --db "$TMP/md.db" "$TMP/md.sitrep"
run "$SITREP" brief --db "$TMP/md.db"
unlike "no escape byte in the brief" "$OUT" "$(printf '\033')"
like "a title's link marks are escaped" "$OUT" '\\\[click\\\]\(http://evil\.invalid\) !\\\[img\\\]'
unlike "no raw HTML from the data" "$OUT" '<script>'
unlike "a javascript: address is no link" "$OUT" '\]\(javascript:'

# --with-notes / --notes FILE: each event lists the notebook's marks on it
# (marks made up for the test: a star, a tag, a note of two lines).
first=$("$SITREP" list --format csv $F | sed -n 2p | cut -d, -f1)
"$SITREP" sql --format tsv "SELECT origin, origin_id FROM event WHERE id = $first" | tail -n 1 >"$TMP/o"
read -r origin oid <"$TMP/o"
for m in '"kind":"star","value":""' '"kind":"tag","value":"mine"' '"kind":"note","value":"line one\nline two"'; do
	printf '{"origin":"%s","origin_id":"%s",%s,"author":"ana","created":"2025-01-01T00:00:00Z"}\n' \
		"$origin" "$oid" "$m"
done >"$TMP/marks.jsonl"
"$SITREP" notes import --notes "$TMP/nb.notes" "$TMP/marks.jsonl" >/dev/null
run "$SITREP" brief --notes "$TMP/nb.notes" $F
entry=$(printf '%s\n' "$OUT" | awk -v id="$first" '$0 ~ "^- \\*\\*Event:\\*\\* " id "," { on = 1; next } on && /^### / { exit } on')
like "--notes: the marked event lists its marks" "$RC:$(printf '%s\n' "$entry" | grep -c '^- \*\*Marks:\*\*$')" "^0:1$"
like "a star and a tag, each with its author and time" \
	"$(printf '%s\n' "$entry" | grep -E '^  - (star|tag)' | tr '\n' '|')" \
	"^  - star \(ana, 2025-01-01T00:00:00Z\)\|  - tag: mine \(ana, 2025-01-01T00:00:00Z\)\|$"
like "a note of two lines, on one" "$entry" "  - note: line one line two \(ana,"
run env HOME="$TMP/nohome" XDG_DATA_HOME="$TMP/nohome" "$SITREP" brief --with-notes $F
is "--with-notes and no notebook yet: the brief, no marks" "$RC:$(printf '%s\n' "$OUT" | grep -c 'Marks:')" "0:0"
done_testing
