#!/bin/sh
# Context layers: the bundled data set's context events show over an
# imported ACLED file of Mali (read from the data set, never copied into
# the file), a --context file adds its own, --no-context and the config
# turn the bundled one off, and layer:NAME filters by layer.
. "$SRCDIR/tests/lib.sh"
plan 19
acled="$SHARED/testdata/acled-mali-2017-2019/2017-01-01-2019-02-27-Mali.csv"
db="$TMP/acled.db"
"$SITREP" import --quiet --db "$db" "$acled" || echo "# import failed"
sum_before=$(cksum < "$db")
mkdir -p "$TMP/home" "$TMP/cfg" "$TMP/tmp" "$TMP/state"

# tui [ARGS...]: a headless run of the keys in $TMP/keys at 120x30.
tui() {
	run env SITREP_SCRIPT="$TMP/keys" SITREP_NO_DISPLAY=1 LINES=30 COLUMNS=120 HOME="$TMP/home" \
		XDG_CONFIG_HOME="$TMP/cfg" XDG_STATE_HOME="$TMP/state" TMPDIR="$TMP/tmp" "$SITREP" "$@"
}

# 2021-2022 keeps the context events of those years on the first page of 30
# lines (the bundled set has more context events than one page holds).
cat > "$TMP/keys" <<KEYS
:filter kind:context since:2021 until:2022-12-31
:save-display $TMP/ctx
:filter layer:bundled Barkhane
:save-display $TMP/barkhane
G
<Enter>
:save-display $TMP/detail
KEYS
tui --db "$db"
is "headless run over an ACLED file exits 0" "$RC" 0
ctx=$(cat "$TMP/ctx" 2>/dev/null)
like "kind:context finds Barkhane's withdrawal, from the bundled layer" "$ctx" "Last Barkhane unit leaves Mali"
like "and the first Wagner deployment" "$ctx" "Wagner"
like "the status line names the layer" "$ctx" "acled\\.db \\+bundled"
# the selection stays on the nearest event of the one before: either of the two
like "layer:bundled Barkhane: both Barkhane events" "$(cat "$TMP/barkhane" 2>/dev/null)" " [12]/2 *$"
detail=$(cat "$TMP/detail" 2>/dev/null)
like "the detail view says the event is the layer's" "$detail" "Layer +bundled context"
like "and where it comes from" "$detail" "bundled #[0-9]+"
is "the browsed file is not written" "$(cksum < "$db")" "$sum_before"

# The actor panel counts the layer's events as the timeline shows them.
cat > "$TMP/keys" <<KEYS
:filter layer:bundled Barkhane
a
:save-display $TMP/panel
KEYS
tui --db "$db"
like "the actor panel counts the layer's events: Operation Barkhane in both" \
	"$(cat "$TMP/panel" 2>/dev/null)" "Operation Barkhane +2 +2 "
tui --no-context --db "$db"
unlike "--no-context: no layer actor in the panel" "$(cat "$TMP/panel" 2>/dev/null)" "Operation Barkhane"

cat > "$TMP/keys" <<KEYS
:filter -layer:bundled
:save-display $TMP/own
:save-display $TMP/own
KEYS
tui --db "$db"
like "-layer:bundled: the file's own 1339 events" "$(cat "$TMP/own" 2>/dev/null)" " 1/1339 *$"

cat > "$TMP/keys" <<KEYS
:filter kind:context
:save-display $TMP/off
KEYS
tui --no-context --db "$db"
off=$(cat "$TMP/off" 2>/dev/null)
unlike "--no-context: no Barkhane" "$off" "Barkhane"
unlike "--no-context: the status line names no layer" "$off" "\\+bundled"
mkdir -p "$TMP/cfg/sitrep"
echo "context = off" > "$TMP/cfg/sitrep/config"
tui --db "$db"
unlike "config context = off: no Barkhane" "$(cat "$TMP/off" 2>/dev/null)" "Barkhane"
rm -f "$TMP/cfg/sitrep/config"

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
cat > "$TMP/keys" <<KEYS
:filter layer:office
:save-display $TMP/office
KEYS
tui --context "$TMP/office.sitrep" --db "$db"
office=$(cat "$TMP/office" 2>/dev/null)
like "--context FILE.sitrep: its event shows" "$office" "Our road mission"
like "the status line names both layers" "$office" "\\+bundled,office"
is "--context leaves no temporary file" "$(ls -A "$TMP/tmp" | wc -l)" 0

tui --context "$TMP/missing.sitrep" --db "$db"
like "--context of a missing file: an error naming it" "$RC:$ERR" "^1:.*missing\\.sitrep"

cat > "$TMP/keys" <<KEYS
:save-display $TMP/self
KEYS
tui --db "$SITREP_DB"
unlike "the bundled data set browsed: no layer over itself" "$(cat "$TMP/self" 2>/dev/null)" "\\+bundled"
done_testing
