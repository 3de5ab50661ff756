#!/bin/sh
# Screen tests: the real binary, headless (SITREP_NO_DISPLAY), fed each
# scenario's key script (SITREP_SCRIPT); every `:save-display NAME` in it is
# compared with expected/SCENARIO.NAME (text) and .attr (attributes per
# cell). Header lines of a scenario pin what differs: `# size: 80x24`,
# `# env: NAME=VALUE`, `# args: FILTER`, `# config: LINE` (a line of the
# config file the run reads; none: an empty one). UPDATE=1 rewrites the expected
# screens (review the diff before committing them).
set -u
: "${SITREP:?}" "${SITREP_DB:?}" "${SRCDIR:?}"
dir=$SRCDIR/tests/screen
tmp=$(mktemp -d "${TMPDIR:-/tmp}/sitrep-screen.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT

scenarios=$(ls "$dir"/*.keys | sort)
n=0
for s in $scenarios; do
	n=$((n + $(grep -c '^:save-display ' "$s")))
done
echo "1..$n"

i=0
for s in $scenarios; do
	name=$(basename "$s" .keys)
	size=$(sed -n 's/^# size: *//p' "$s" | head -n 1)
	args=$(sed -n 's/^# args: *//p' "$s" | head -n 1)
	cols=${size%x*} rows=${size#*x}
	work=$tmp/$name
	mkdir -p "$work/home"
	(
		cd "$work" || exit 99
		# pinned: size, terminal, locale, zone, clock, home (history)
		export LINES="${rows:-24}" COLUMNS="${cols:-80}" TERM=xterm-256color \
			LC_ALL=C.UTF-8 TZ=UTC SITREP_NOW=2025-10-01 HOME="$work/home" \
			XDG_STATE_HOME="$work/home/state" XDG_DATA_HOME="$work/home/data" SITREP_NO_DISPLAY=1 \
			SITREP_SCRIPT="$s"
		unset NO_COLOR
		# a config file from the scenario's `# config:` lines, never the user's
		export XDG_CONFIG_HOME="$work/home/config"
		mkdir -p "$XDG_CONFIG_HOME/sitrep"
		sed -n 's/^# config: *//p' "$s" > "$XDG_CONFIG_HOME/sitrep/config"
		sed -n 's/^# env: *//p' "$s" > env.list
		while IFS= read -r kv; do export "$kv"; done < env.list
		# shellcheck disable=SC2086
		"$SITREP" --db "$SITREP_DB" $args > stdout 2> stderr
		echo $? > status
	)
	for dump in $(sed -n 's/^:save-display *//p' "$s"); do
		i=$((i + 1))
		exp=$dir/expected/$name.$dump
		got=$work/$dump
		if [ "${UPDATE:-}" = 1 ] && [ -f "$got" ]; then
			cp "$got" "$exp" && cp "$got.attr" "$exp.attr"
		fi
		if [ ! -f "$got" ]; then
			echo "not ok $i - $name: $dump not written (exit $(cat "$work/status"))"
			sed 's/^/# /' "$work/stderr"
		elif diff -u "$exp" "$got" > "$work/diff" && diff -u "$exp.attr" "$got.attr" >> "$work/diff"; then
			echo "ok $i - $name: $dump"
		else
			echo "not ok $i - $name: $dump differs from expected"
			sed 's/^/# /' "$work/diff" | head -n 60
		fi
	done
done
