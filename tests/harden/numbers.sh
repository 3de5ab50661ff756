#!/bin/sh
# Figures in an imported file are decimal: strtod would also read hex
# ("0x10" as 16 fatalities), hex floats and "inf"; such a row is skipped
# with its line and reason. The rows are synthetic, cut from a fixture.
. "$SRCDIR/tests/lib.sh"
. "$SRCDIR/tests/import/common.sh"
plan 4

F=$SRCDIR/tests/fixtures/acled-broken.csv
row() { # FATALITIES LAT: the fixture's first row with these values
	sed -n 2p "$F" | sed "s/,12.5904,/,$2,/; s/,Two killed at Kassela\\.,2,/,Two killed at Kassela.,$1,/"
}
{ sed -n 1p "$F"; row 0x10 12.5904; row 3 0x1p3; row inf 12.5904; row 4 12.5904; } >"$TMP/hex.csv"

run "$SITREP" import --db "$TMP/h.db" "$TMP/hex.csv"
like "hex figures: only the decimal row lands" "$OUT" ": 4 read, 1 imported, 0 updated, 0 unchanged, 3 skipped"
like "hex fatalities: reported at its line" "$ERR" "hex.csv:2: "
like "hex latitude: reported at its line" "$ERR" "hex.csv:3: "
run "$SITREP" list --db "$TMP/h.db" --format csv
like "the decimal row keeps its figure" "$OUT" ",4,"
