#!/bin/sh
# The map with layers: `sitrep map --with-context` over an imported file
# (ACLED, Mali 2017-2019) marks the bundled layer's context events the
# filter keeps apart from the file's own (a diamond, ^ in ASCII) and says
# how many are in view; without layers a command reads the file alone;
# the TUI's map view (its layer on by default) marks the same events.
. "$SRCDIR/tests/lib.sh"
plan 9
acled="$SHARED/testdata/acled-mali-2017-2019/2017-01-01-2019-02-27-Mali.csv"
db="$TMP/acled.db"
"$SITREP" import --quiet --db "$db" "$acled" || echo "# import failed"
mkdir -p "$TMP/home" "$TMP/cfg" "$TMP/state"
export HOME="$TMP/home" XDG_CONFIG_HOME="$TMP/cfg" XDG_STATE_HOME="$TMP/state"
diamond=$(printf '\342\227\206')

run "$SITREP" map --db "$db" --width 80 --height 24
unlike "the file alone: no layer marked" "$OUT" "$diamond|of the layers"
run "$SITREP" map --db "$db" --width 80 --height 24 --with-context
legend=$(printf '%s\n' "$OUT" | tail -n 1)
like "--with-context: the legend counts the layer's events in view" "$legend" \
	"; [1-9][0-9]* context events of the layers \\($diamond\\)"
like "and marks them" "$(printf '%s\n' "$OUT" | sed '$d')" "$diamond"
n=$(printf '%s\n' "$legend" | sed 's/.*; \([0-9]*\) context events of the layers.*/\1/')
# as many as the timeline lists with coordinates: the layer's rows of list
listed=$("$SITREP" list --db "$db" --with-context --format csv kind:context |
	awk -F, 'NR > 1 && $NF == "bundled"' | wc -l | tr -d ' ')
[ "$n" -le "$listed" ] && [ "$n" -gt 0 ] && pass "no more than the layer's listed events ($n of $listed)" ||
	fail "no more than the layer's listed events" "$n of $listed"
run "$SITREP" map --db "$db" --width 80 --height 24 --with-context kind:incident
like "the filter applies to the layer" "$(printf '%s\n' "$OUT" | tail -n 1)" \
	"; 0 context events of the layers"
run "$SITREP" map --db "$db" --width 80 --height 24 --with-context --ascii
like "--ascii: a caret" "$(printf '%s\n' "$OUT" | tail -n 1)" "context events of the layers \\(\\^\\)"
check "--ascii: only ASCII bytes" sh -c 'printf "%s\n" "$1" | LC_ALL=C grep -q "[^ -~]" && exit 1 || exit 0' - "$OUT"

# The TUI's map view marks them too, and its legend says how many.
printf 'm\n:save-display %s\n' "$TMP/screen" > "$TMP/keys"
env SITREP_SCRIPT="$TMP/keys" SITREP_NO_DISPLAY=1 LINES=24 COLUMNS=80 "$SITREP" --db "$db" \
	>/dev/null 2>&1
screen=$(cat "$TMP/screen" 2>/dev/null)
like "map view: the layer's events marked" "$(printf '%s\n' "$screen" | sed -n '2,21p')" "$diamond"
like "map view: its legend counts them" "$screen" "$diamond [1-9][0-9]* of the layers"
