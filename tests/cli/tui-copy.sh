#!/bin/sh
# y copies the selected event as a citation through OSC 52: the sequence
# goes to the terminal (here: standard output, the screen being headless)
# with the citation in base64, and the status line says so; with
# "clipboard = off" nothing is sent.
. "$SRCDIR/tests/lib.sh"
plan 7
cat > "$TMP/keys" <<KEYS
:goto #24
y
:save-display $TMP/screen
q
KEYS
mkdir -p "$TMP/config/sitrep"
: > "$TMP/config/sitrep/config"
copy() {
	env SITREP_SCRIPT="$TMP/keys" SITREP_NO_DISPLAY=1 LINES=24 COLUMNS=200 HOME="$TMP" \
		XDG_STATE_HOME="$TMP/state" XDG_CONFIG_HOME="$TMP/config" \
		"$SITREP" --db "$SITREP_DB" > "$TMP/out"
}
copy
is "headless run exits 0" "$?" 0
esc=$(printf '\033')
bel=$(printf '\007')
b64=$(sed -n "s/.*${esc}]52;c;\([A-Za-z0-9+/=]*\)${bel}.*/\1/p" "$TMP/out")
check "an OSC 52 sequence is written" test -n "$b64"
printf '%s' "$b64" | base64 -d > "$TMP/citation"
check "the citation names the date, place and title" \
	grep -qF "2022-08-15, Gao, Mali: Last Barkhane unit leaves Mali." "$TMP/citation"
check "and its sources' addresses" \
	grep -qF "https://tribuneonlineng.com/french-troops-fully-withdraw-from-mali/" "$TMP/citation"
check "the status line says what was copied" grep -q "Copied #24 as a citation" "$TMP/screen"
echo "clipboard = off" > "$TMP/config/sitrep/config"
copy
check "clipboard = off: no sequence" sh -c "! grep -q '52;c;' '$TMP/out'"
check "and the status line says why" grep -q "Copying is off" "$TMP/screen"
done_testing
