#!/bin/sh
# export --with-notes and list --with-notes: each event's tags and notes
# from the notebook (the marks made up for the test: a tag twice by two
# analysts, another tag, a note of two lines with quotes), as two more
# columns or members; the other events' are empty; no notebook yet: empty
# columns; the ACLED and native layouts refuse it.
. "$SRCDIR/tests/lib.sh"
plan 16

first=$("$SITREP" list --format csv | sed -n 2p | cut -d, -f1)
"$SITREP" sql --format tsv "SELECT origin, origin_id FROM event WHERE id = $first" | tail -n 1 >"$TMP/o"
read -r origin oid <"$TMP/o"
mark() {
	printf '{"origin":"%s","origin_id":"%s","kind":"%s","value":"%s","author":"%s","created":"%s"}\n' \
		"$origin" "$oid" "$1" "$2" "$3" "$4"
}
{
	mark star "" ana 2025-01-01T00:00:00Z
	mark tag mine ana 2025-01-01T00:00:01Z
	mark note 'line one\nline \"two\"' ana 2025-01-01T00:00:02Z
	mark tag mine bo 2025-01-02T00:00:00Z
	mark tag other bo 2025-01-02T00:00:01Z
} >"$TMP/marks.jsonl"
"$SITREP" notes import --notes "$TMP/nb.notes" "$TMP/marks.jsonl" >/dev/null
note='[{"text":"line one\nline \"two\"","author":"ana","created":"2025-01-01T00:00:02Z"}]'

run "$SITREP" export --notes "$TMP/nb.notes" --format tsv
is "export tsv: exits 0" "$RC" 0
is "export tsv: two more columns, tags and notes" \
	"$(printf '%s\n' "$OUT" | head -n 1 | awk -F '\t' '{ print $(NF - 1) " " $NF }')" "tags notes"
printf '%s\n' "$OUT" | sed -n 2p | awk -F '\t' '{ print $(NF - 1); print $NF }' >"$TMP/got"
printf '%s\n%s\n' "mine; other" "$(printf '%s' "$note" | sed 's/\\/\\\\/g')" >"$TMP/want"
check "export tsv: the marked event's tags (each once) and notes (JSON, escaped)" cmp "$TMP/got" "$TMP/want"
is "export tsv: other events' columns are empty" \
	"$(printf '%s\n' "$OUT" | sed -n 3p | awk -F '\t' '{ print $(NF - 1) "|" $NF }')" "|[]"
"$SITREP" export --format tsv >"$TMP/plain.tsv"
printf '%s\n' "$OUT" | awk -F '\t' 'BEGIN { OFS = "\t" } { NF -= 2; print }' >"$TMP/cut.tsv"
check "export tsv: the other columns as without --with-notes" cmp "$TMP/cut.tsv" "$TMP/plain.tsv"

run "$SITREP" export --with-notes --notes "$TMP/nb.notes" --format csv
like "export csv: the notes' JSON quoted" "$(printf '%s\n' "$OUT" | sed -n 2p)" \
	',mine; other,"\[{""text"":""line one\\nline \\""two\\"""",""author"":""ana"",'

run "$SITREP" export --notes "$TMP/nb.notes" --format json
line=$(printf '%s\n' "$OUT" | sed -n 2p)
like "export json: tags an array" "$line" '"tags":\["mine","other"\],'
case $line in *"\"notes\":$note}"*) pass "export json: notes an array of objects" ;;
*) fail "export json: notes an array of objects" "$line" ;; esac
like "export json: an unmarked event has empty ones" "$(printf '%s\n' "$OUT" | sed -n 3p)" \
	'"tags":\[\],"notes":\[\]}'

run "$SITREP" export --notes "$TMP/nb.notes" --format native
is "export native: --with-notes refused (usage)" "$RC" 2
run "$SITREP" export --notes "$TMP/nb.notes" --format acled
is "export acled: refused too" "$RC" 2

run "$SITREP" list --notes "$TMP/nb.notes" --format tsv -n 2
is "list tsv: header" "$(printf '%s\n' "$OUT" | head -n 1 | cut -f 13-)" "$(printf 'actors\ttags\tnotes')"
is "list tsv: the marked event" "$(printf '%s\n' "$OUT" | sed -n 2p | cut -f 14)" "mine; other"
run "$SITREP" list --notes "$TMP/nb.notes" -n 1
is "list table (80 columns on a pipe): the tags, the notes' column left out" \
	"$(printf '%s\n' "$OUT" | sed -n 1p | awk '{ print $NF }') $(printf '%s\n' "$OUT" | sed -n 2p | grep -c ' mine;')" \
	"TAGS 1"

run env HOME="$TMP/nohome" XDG_DATA_HOME="$TMP/nohome" "$SITREP" export --with-notes --format tsv
is "no notebook yet: exits 0" "$RC" 0
is "no notebook yet: the columns, empty" "$(printf '%s\n' "$OUT" | sed -n 2p | awk -F '\t' '{ print $(NF - 1) "|" $NF }')" "|[]"
done_testing
