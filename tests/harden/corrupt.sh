#!/bin/sh
# Damaged databases: copies of the bundled one with bytes flipped in random
# pages or cut at a random point, each through `list`, `show 1`, `stats`,
# `export --format csv` and the TUI's first screen (headless). Each must end
# by itself (exit < 128, no sanitizer report), name the file in its message
# when it fails, and leave the copy as it was (files opened for browsing are
# never written). The damage comes from a fixed seed, so a run is the same
# every time: CORRUPT_N copies (12 in make check; 200 by hand:
#   CORRUPT_N=200 make check TESTS=tests/harden/corrupt.sh
# ), CORRUPT_SEED another series. A copy that breaks a rule is kept in
# $CORRUPT_KEEP (default tests/harden/ in the build tree) to be replayed.
. "$SRCDIR/tests/lib.sh"
N=${CORRUPT_N:-12}
SEED=${CORRUPT_SEED:-19}
KEEP=${CORRUPT_KEEP:-$BUILDDIR/tests/harden}
plan $((N * 2))

# ---- the copies: odd ones flipped, even ones cut (a line each: FILE WHAT)
python3 - "$SITREP_DB" "$TMP" "$N" "$SEED" >"$TMP/list" <<'PY' || exit 1
import random, sys
src, tmp, n, seed = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
data = open(src, 'rb').read()
page = int.from_bytes(data[16:18], 'big') or 65536  # the header's page size
pages = len(data) // page
rnd = random.Random(seed)
for i in range(1, n + 1):
    b = bytearray(data)
    if i % 2:
        hit = sorted(rnd.sample(range(pages), rnd.randint(1, 3)))
        for p in hit:  # a few bytes of each page, anywhere in it
            for _ in range(rnd.randint(1, 8)):
                b[p * page + rnd.randrange(page)] ^= rnd.randint(1, 255)
        what = 'flipped pages ' + ','.join(str(p + 1) for p in hit)
    else:
        cut = rnd.randrange(len(b))
        del b[cut:]
        what = 'cut at byte %d' % cut
    name = '%s/c%03d.db' % (tmp, i)
    open(name, 'wb').write(b)
    print('%s %s' % (name, what))
PY

mkdir -p "$TMP/home" "$TMP/cfg" "$TMP/state" "$TMP/tmp"
tui() { # DB: the first screen, saved, then the end of the script
	printf ':save-display %s\n' "$TMP/screen" >"$TMP/keys"
	timeout 60 env SITREP_SCRIPT="$TMP/keys" SITREP_NO_DISPLAY=1 LINES=30 COLUMNS=120 HOME="$TMP/home" \
		XDG_CONFIG_HOME="$TMP/cfg" XDG_STATE_HOME="$TMP/state" TMPDIR="$TMP/tmp" "$SITREP" --db "$1"
}
CLEAN=0 ERRORS=0 BAD=0
while read -r db what; do
	before=$(cksum <"$db")
	problems=
	for cmd in list "show 1" stats "export --format csv" tui; do
		# shellcheck disable=SC2086 # the words of $cmd are its arguments
		case $cmd in
		tui) tui "$db" >"$TMP/out" 2>"$TMP/err" ;;
		*) timeout 60 "$SITREP" $cmd --db "$db" >"$TMP/out" 2>"$TMP/err" ;;
		esac
		rc=$?
		if [ "$rc" -ge 124 ] || grep -q 'Sanitizer\|runtime error' "$TMP/err"; then
			problems="$problems; $cmd: exit $rc $(head -c 300 "$TMP/err")"
		elif [ "$rc" -ne 0 ]; then
			if grep -qF "$(basename "$db")" "$TMP/err"; then ERRORS=$((ERRORS + 1))
			else problems="$problems; $cmd: exit $rc, the message does not name the file: $(head -c 300 "$TMP/err")"; fi
		else CLEAN=$((CLEAN + 1)); fi
	done
	if [ -z "$problems" ]; then pass "$(basename "$db") ($what): every command ends with a clear result"
	else
		BAD=$((BAD + 1))
		mkdir -p "$KEEP" && cp "$db" "$KEEP/corrupt-seed$SEED-$(basename "$db")"
		fail "$(basename "$db") ($what): every command ends with a clear result" "${problems#; }" \
			"kept: $KEEP/corrupt-seed$SEED-$(basename "$db")"
	fi
	is "$(basename "$db"): the copy is unchanged" "$(cksum <"$db")" "$before"
done <"$TMP/list"
echo "# $N copies (seed $SEED), $((N * 5)) runs: $CLEAN clean, $ERRORS clear errors, $BAD copies with a crash, hang or unnamed error"
done_testing
