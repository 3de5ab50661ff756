#!/bin/sh
# Layers on the command line: `sitrep count` and `sitrep list` with
# --with-context (the bundled data set's context events, as the TUI shows
# them) and --context FILE count and list what the TUI does, match the
# same filter, and say which layer each event comes from; without them a
# command reads the file alone, as scripts expect.
. "$SRCDIR/tests/lib.sh"
plan 23
acled="$SHARED/testdata/acled-mali-2017-2019/2017-01-01-2019-02-27-Mali.csv"
db="$TMP/acled.db"
"$SITREP" import --quiet --db "$db" "$acled" || echo "# import failed"
sum_before=$(cksum < "$db")
mkdir -p "$TMP/home" "$TMP/cfg" "$TMP/tmp" "$TMP/state"
export HOME="$TMP/home" XDG_CONFIG_HOME="$TMP/cfg" XDG_STATE_HOME="$TMP/state" TMPDIR="$TMP/tmp"

run "$SITREP" count --db "$db"
is "count without layers: the file's own events" "$OUT" 1339
run "$SITREP" count --db "$db" --with-context
with=$OUT

# The TUI's status line counts the same events (its layer is on by default).
cat > "$TMP/keys" <<KEYS
:save-display $TMP/screen
KEYS
env SITREP_SCRIPT="$TMP/keys" SITREP_NO_DISPLAY=1 LINES=30 COLUMNS=120 "$SITREP" --db "$db" \
	>/dev/null 2>&1
like "count --with-context: what the TUI's status line counts" \
	"$(cat "$TMP/screen" 2>/dev/null)" " 1/$with *\$"
[ "$with" -gt 1339 ] && pass "and more than the file alone ($with)" || fail "more than the file alone" "$with"

run "$SITREP" count --db "$db" --with-context kind:context
ctx=$OUT
run "$SITREP" list --db "$db" --with-context --format csv kind:context
is "list --with-context kind:context: as many rows as count says" \
	"$(printf '%s\n' "$OUT" | sed 1d | wc -l | tr -d ' ')" "$ctx"
like "the exact formats gain a layer column" "$(printf '%s\n' "$OUT" | head -1)" ",actors,layer\$"
# the file's own (ACLED's strategic developments) with an empty layer
own=$("$SITREP" count --db "$db" kind:context)
is "the rows without a layer are the file's own context events ($own)" \
	"$(printf '%s\n' "$OUT" | sed 1d | grep -vc ',bundled$')" "$own"
like "Barkhane's last unit leaving is among them" "$OUT" "Last Barkhane unit leaves Mali"

run "$SITREP" list --db "$db" --format csv -n 1
is "without layers the columns are as before" "$(printf '%s\n' "$OUT" | head -1)" \
	"id,kind,date_start,date_end,date_precision,title,event_type,location,admin1,lat,lon,fatalities,actors"

run "$SITREP" count --db "$db" --with-context -layer:bundled
is "-layer:bundled: the file's own events again" "$OUT" 1339
run "$SITREP" count --db "$db" --with-context --no-context
is "--no-context after --with-context: the file alone" "$OUT" 1339

run "$SITREP" list --db "$db" --with-context --format json layer:bundled Barkhane
is "the filter reaches the layer: layer:bundled Barkhane, two events" \
	"$(printf '%s\n' "$OUT" | grep -c '"layer": "bundled"')" 2

# An office's own list, in the sitrep text format (a test fixture: the
# event is made up, and says so).
cat > "$TMP/office.sitrep" <<'LIST'
# sitrep-data 1
# synthetic: a test fixture, not a fact
@event
id: office-1
kind: context
date: 2018-07-29
title: Our road mission (test fixture)
country: Mali
source: Office log (test fixture)
LIST
run "$SITREP" list --db "$db" --context "$TMP/office.sitrep" layer:office
like "list --context FILE: its event, in the table's layer column" "$OUT" \
	" office +2018-07-29 .*Our road mission"
run "$SITREP" count --db "$db" --context "$TMP/office.sitrep" --with-context
is "both layers count" "$OUT" $((with + 1))

run "$SITREP" count --db "$db" --context "$TMP/missing.sitrep"
like "--context of a missing file: exit 1 naming it" "$RC:$ERR" "^1:.*missing\\.sitrep"

# `sitrep FILTER` with standard output not a terminal lists, with its layers.
"$SITREP" --db "$db" --with-context kind:context 2>/dev/null >"$TMP/browse"
"$SITREP" list --db "$db" --with-context kind:context 2>/dev/null >"$TMP/listed"
if cmp -s "$TMP/browse" "$TMP/listed"; then pass "sitrep --with-context FILTER | ...: the list's output"
else fail "sitrep --with-context FILTER | ...: the list's output" "$(diff "$TMP/browse" "$TMP/listed" | head -5)"; fi

# Exports treat the layer's events like the file's own, in timeline order.
run "$SITREP" export --db "$db" --with-context --format tsv kind:context
is "export --with-context: as many events as count says" \
	"$(printf '%s\n' "$OUT" | sed 1d | wc -l | tr -d ' ')" "$ctx"
like "export: csv and tsv name the layer in a last column" "$(printf '%s\n' "$OUT" | head -1)" \
	"	sources	layer\$"
if printf '%s\n' "$OUT" | sed 1d | cut -f3 | sort -c 2>/dev/null; then
	pass "export: the layer's and the file's events merged in date order"
else fail "export: in date order" "$(printf '%s\n' "$OUT" | sed 1d | cut -f3 | head -5)"; fi
run "$SITREP" export --db "$db" --with-context --format json layer:bundled
is "export json: every layer event says \"layer\": \"bundled\"" \
	"$(printf '%s\n' "$OUT" | grep -c '"layer":"bundled"')" \
	"$("$SITREP" count --db "$db" --with-context layer:bundled)"
run "$SITREP" export --db "$db" --format tsv kind:incident
unlike "export without layers: no layer column" "$(printf '%s\n' "$OUT" | head -1)" "layer"
run "$SITREP" export --db "$db" --with-context --format acled layer:bundled
is "export acled --with-context: the layer's events in ACLED's own columns" \
	"$(printf '%s\n' "$OUT" | sed 1d | grep -c .)" \
	"$("$SITREP" count --db "$db" --with-context layer:bundled)"

# The TUI's :export writes what is on screen: the layer's events too.
cat > "$TMP/keys" <<KEYS
:filter kind:context
:export $TMP/tui.tsv
KEYS
env SITREP_SCRIPT="$TMP/keys" SITREP_NO_DISPLAY=1 LINES=30 COLUMNS=120 "$SITREP" --db "$db" \
	>/dev/null 2>&1
is ":export in the TUI: the layer's events with the file's" \
	"$(sed 1d "$TMP/tui.tsv" 2>/dev/null | wc -l | tr -d ' ')" "$ctx"

is "the browsed file is not written, no temporary file is left" \
	"$(cksum < "$db"):$(ls -A "$TMP/tmp" | wc -l | tr -d ' ')" "$sum_before:0"
done_testing
