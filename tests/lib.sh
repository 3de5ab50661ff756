# tests/lib.sh: TAP helpers for sitrep's shell tests. Source it, call
# `plan N`, then one check per test; the file's exit status is 0 when every
# check passed. Tests get SITREP (binary), SITREP_DB (bundled data set),
# SRCDIR, BUILDDIR, SHARED from `make check`.

: "${SITREP:?run me through make check (SITREP unset)}"
unset SITREP_NOTES # a notebook of the developer's own must not change a result
TAP_N=0
TAP_FAILED=0
TMP=$(mktemp -d "${TMPDIR:-/tmp}/sitrep-test.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

plan() { echo "1..$1"; }

pass() { TAP_N=$((TAP_N + 1)); echo "ok $TAP_N - $1"; }

fail() {
	TAP_N=$((TAP_N + 1)); TAP_FAILED=$((TAP_FAILED + 1))
	echo "not ok $TAP_N - $1"
	shift
	for line in "$@"; do printf '# %s\n' "$line"; done
}

# check DESC CMD...: passes when CMD exits 0.
check() {
	desc=$1; shift
	if "$@" >"$TMP/out" 2>"$TMP/err"; then pass "$desc"
	else fail "$desc" "command: $*" "stderr: $(head -c 600 "$TMP/err")"; fi
}

# run CMD...: runs CMD, keeping stdout in $OUT, stderr in $ERR, status in $RC.
run() {
	"$@" >"$TMP/out" 2>"$TMP/err"
	RC=$?
	OUT=$(cat "$TMP/out")
	ERR=$(cat "$TMP/err")
}

# is DESC GOT WANT
is() {
	if [ "$2" = "$3" ]; then pass "$1"
	else fail "$1" "got:  $2" "want: $3"; fi
}

# like DESC TEXT PATTERN (grep -E)
like() {
	if printf '%s\n' "$2" | grep -Eq -- "$3"; then pass "$1"
	else fail "$1" "no match for /$3/ in:" "$(printf '%s' "$2" | head -c 800)"; fi
}

unlike() {
	if printf '%s\n' "$2" | grep -Eq -- "$3"; then fail "$1" "unexpected match for /$3/"
	else pass "$1"; fi
}

done_testing() { [ "$TAP_FAILED" -eq 0 ]; }
