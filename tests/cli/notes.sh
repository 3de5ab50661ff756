#!/bin/sh
# The analyst's marks in the browser: * stars, t tags (Tab completes), C
# and E write notes (E in $EDITOR); the timeline and the detail view show
# them; starred, tag: and note: filter by them, in the TUI and on the
# command line; they live in a notebook of their own (the database is not
# written) and outlive a re-import; `sitrep notes` lists, exports, merges.
. "$SRCDIR/tests/lib.sh"
plan 20
mkdir -p "$TMP/home" "$TMP/cfg" "$TMP/tmp" "$TMP/state"
db="$TMP/mali.db"
cp "$SITREP_DB" "$db"
sum_before=$(cksum < "$db")
# an editor that writes a two-line note
cat > "$TMP/editor" <<'ED'
#!/bin/sh
printf 'Claimed by JNIM the next day.\nCheck the second source.\n\n' > "$1"
ED
chmod +x "$TMP/editor"

tui() {
	run env SITREP_SCRIPT="$TMP/keys" SITREP_NO_DISPLAY=1 LINES=40 COLUMNS=120 HOME="$TMP/home" \
		XDG_CONFIG_HOME="$TMP/cfg" XDG_STATE_HOME="$TMP/state" XDG_DATA_HOME="$TMP/data" \
		TMPDIR="$TMP/tmp" USER=ana SITREP_NOW=2025-10-01 VISUAL= EDITOR="$TMP/editor" \
		"$SITREP" --db "$db" "$@"
}

cat > "$TMP/keys" <<KEYS
:goto 2022-07-22
*
t
kati roads
<Enter>
E
:save-display $TMP/timeline
j
t
ro<Tab>
<Enter>
C
one-line note
<Enter>
k
<Enter>
:save-display $TMP/detail
KEYS
tui
is "a marking session exits 0" "$RC" 0
like "the timeline shows the star" "$(grep '^▶' "$TMP/timeline" 2>/dev/null)" "^▶2022-07-22 [·◆]★"
detail=$(cat "$TMP/detail" 2>/dev/null)
like "the detail view lists the star" "$detail" "★ star  \\(ana, 2025-10-01\\)"
like "and the tags" "$detail" "# tag kati"
like "the editor's note, each line" "$detail" "Claimed by JNIM the next day"
like "its second line" "$detail" "Check the second source"
is "the database is not written" "$(cksum < "$db")" "$sum_before"
notebook=$(ls "$TMP/data/sitrep/notes/"mali.db-*.notes 2>/dev/null)
[ -n "$notebook" ] && pass "the notebook is under XDG_DATA_HOME" || fail "the notebook is under XDG_DATA_HOME"
is "no temporary file left" "$(ls -A "$TMP/tmp" | wc -l)" 0

cat > "$TMP/keys" <<KEYS
:filter starred
:save-display $TMP/starred
:filter tag:roads
:save-display $TMP/tagged
:filter note:"second source"
:save-display $TMP/noted
KEYS
tui
like "starred: the one starred event" "$(cat "$TMP/starred" 2>/dev/null)" " 1/1 *$"
like "tag:roads: two events (Tab completed 'ro')" "$(cat "$TMP/tagged" 2>/dev/null)" " 1/2 *$"
like "note:TEXT finds the note's event" "$(cat "$TMP/noted" 2>/dev/null)" " 1/1 *$"

nenv() { env HOME="$TMP/home" XDG_DATA_HOME="$TMP/data" "$@"; }
run nenv "$SITREP" count --db "$db" tag:roads
is "the command line's filters see the marks" "$OUT" 2
run nenv "$SITREP" notes --db "$db"
is "notes lists every mark" "$(printf '%s\n' "$OUT" | wc -l)" 6

# a re-import of the same events: new sitrep ids, the same origin ids
"$SITREP" export --db "$db" --format native > "$TMP/all.sitrep"
"$SITREP" import --quiet --db "$TMP/again.db" "$TMP/all.sitrep"
run env HOME="$TMP/home" SITREP_NOTES="$notebook" "$SITREP" count --db "$TMP/again.db" starred
is "the marks outlive a re-import" "$OUT" 1

run nenv "$SITREP" notes export --db "$db" -o "$TMP/mine.jsonl"
is "notes export writes a file" "$RC:$(wc -l < "$TMP/mine.jsonl")" "0:6"
run nenv "$SITREP" notes import --notes "$TMP/theirs.notes" "$TMP/mine.jsonl" "$TMP/mine.jsonl"
like "notes import merges, the same mark once" "$OUT" "0 marks added, 6 already there"
echo 'not json' > "$TMP/bad.jsonl"
run nenv "$SITREP" notes import --notes "$TMP/theirs.notes" "$TMP/bad.jsonl"
like "a bad file: exit 1, the line named" "$RC:$ERR" "^1:.*bad\\.jsonl:1"
# a mark whose event is gone stays and says so
printf '%s\n' '{"origin":"acled","origin_id":"GONE1","kind":"tag","value":"x","author":"bo","created":"2025-01-01T00:00:00Z"}' > "$TMP/gone.jsonl"
nenv "$SITREP" notes import --db "$db" "$TMP/gone.jsonl" > /dev/null
run nenv "$SITREP" notes --db "$db"
like "an orphaned mark is listed as such" "$OUT" "acled:GONE1.*\\(not in this database\\)"
run nenv "$SITREP" notes frob --db "$db"
is "an unknown notes command: usage error" "$RC" 2
done_testing
