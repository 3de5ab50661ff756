#!/bin/sh
# Hostile strings in data never reach the terminal as control sequences,
# and the exact formats keep them exactly.
. "$SRCDIR/tests/lib.sh"
plan 8
esc=$(printf '\033')
bel=$(printf '\007')
{
	printf '# sitrep-data 1\n@event\nid: evil-1\nkind: incident\ndate: 2020-01-01\n'
	printf 'title: pwn \033]0;pwned\007 \033[2J clear \342\200\256 rtl\n'
	printf 'location: Bam\033[31mako\n'
	printf 'description: line\r\n'
	printf 'source: s\nsource-url: http://example.invalid/\n'
} > "$TMP/evil.sitrep"
run "$SITREP" import --quiet --db "$TMP/evil.db" "$TMP/evil.sitrep"
is "hostile file imports" "$RC" 0
run "$SITREP" list --db "$TMP/evil.db"
unlike "table: no ESC byte" "$OUT" "$esc"
unlike "table: no BEL byte" "$OUT" "$bel"
unlike "table: no bidi override" "$OUT" "$(printf '\342\200\256')"
run "$SITREP" show --db "$TMP/evil.db" 1
unlike "show: no ESC byte" "$OUT" "$esc"
like "show: the rest of the title is kept" "$OUT" 'pwned'
run "$SITREP" list --db "$TMP/evil.db" --format json
like "json keeps the exact bytes, escaped" "$OUT" '\\u001b\]0;pwned\\u0007'
unlike "json: no raw ESC" "$OUT" "$esc"
done_testing
