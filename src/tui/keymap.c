/* Key names and the key -> action map. The names follow vim/tig
 * conventions so that key scripts and docs read naturally. */
#include <curses.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "sitrep/keymap.h"
#include "sitrep/text.h"
#include "sitrep/util.h"

struct key_name {
	const char *name;  /* as written between < > */
	const char *shown; /* as help shows it */
	struct key key;
};

static const struct key_name names[] = {
    {"Enter", "Enter", {'\n', false}},
    {"Esc", "Esc", {27, false}},
    {"Tab", "Tab", {'\t', false}},
    {"Space", "Space", {' ', false}},
    {"Lt", "<", {'<', false}},
    {"BS", "Backspace", {KEY_BACKSPACE, true}},
    {"Backspace", "Backspace", {KEY_BACKSPACE, true}},
    {"Del", "Delete", {KEY_DC, true}},
    {"Up", "Up", {KEY_UP, true}},
    {"Down", "Down", {KEY_DOWN, true}},
    {"Left", "Left", {KEY_LEFT, true}},
    {"Right", "Right", {KEY_RIGHT, true}},
    {"Home", "Home", {KEY_HOME, true}},
    {"End", "End", {KEY_END, true}},
    {"PgUp", "PgUp", {KEY_PPAGE, true}},
    {"PgDn", "PgDn", {KEY_NPAGE, true}},
};

static bool key_eq(struct key a, struct key b)
{
	return a.code == b.code && a.fn == b.fn;
}

/* The name inside < >, of length n. */
static bool name_lookup(const char *s, size_t n, struct key *k)
{
	for (size_t i = 0; i < ARRAY_SIZE(names); i++)
		if (strlen(names[i].name) == n && strncasecmp(names[i].name, s, n) == 0) {
			*k = names[i].key;
			return true;
		}
	if (n == 3 && (s[0] == 'C' || s[0] == 'c') && s[1] == '-' && s[2] >= '@' && s[2] < 0x7f) {
		*k = (struct key){s[2] & 0x1f, false};
		return true;
	}
	if ((n == 2 || n == 3) && (s[0] == 'F' || s[0] == 'f')) {
		int f = 0;
		for (size_t i = 1; i < n; i++) {
			if (s[i] < '0' || s[i] > '9')
				return false;
			f = f * 10 + (s[i] - '0');
		}
		if (f < 1 || f > 12)
			return false;
		*k = (struct key){KEY_F(f), true};
		return true;
	}
	return false;
}

size_t key_parse(const char *s, struct key *k)
{
	if (!*s)
		return 0;
	if (*s == '<') {
		const char *end = strchr(s + 1, '>');
		if (end && end > s + 1 && name_lookup(s + 1, (size_t)(end - s - 1), k))
			return (size_t)(end - s) + 1;
		return 0;
	}
	uint32_t cp;
	size_t used = text_decode(s, strlen(s), &cp);
	*k = (struct key){(int)cp, false};
	return used;
}

void key_describe(struct key k, char *buf, size_t size)
{
	for (size_t i = 0; i < ARRAY_SIZE(names); i++)
		if (key_eq(names[i].key, k)) {
			snprintf(buf, size, "%s", names[i].shown);
			return;
		}
	if (k.fn && k.code >= KEY_F(1) && k.code <= KEY_F(12))
		snprintf(buf, size, "F%d", k.code - KEY_F0);
	else if (!k.fn && k.code > 0 && k.code < 0x20)
		snprintf(buf, size, "Ctrl-%c", k.code + '@');
	else if (!k.fn && k.code >= 0x20 && k.code < 0x7f)
		snprintf(buf, size, "%c", k.code);
	else
		snprintf(buf, size, "<%d>", k.code);
}

void keymap_describe(const char *keys, char *buf, size_t size)
{
	struct strbuf sb = STRBUF_INIT;
	const char *p = keys;
	while (*p) {
		if (*p == ' ') {
			p++;
			continue;
		}
		struct key k;
		size_t n = key_parse(p, &k);
		if (!n)
			break;
		char one[32];
		key_describe(k, one, sizeof one);
		if (sb.len)
			sb_add(&sb, ", ");
		sb_add(&sb, one);
		p += n;
	}
	snprintf(buf, size, "%s", sb_str(&sb));
	sb_free(&sb);
}

/* A small flat map: a few dozen bindings, looked up once per key. */
static struct binding {
	struct key key;
	enum action action;
} bindings[128];
static size_t nbindings;

int keymap_bind(struct key k, enum action a)
{
	for (size_t i = 0; i < nbindings; i++)
		if (key_eq(bindings[i].key, k)) {
			bindings[i].action = a;
			return 0;
		}
	if (nbindings == ARRAY_SIZE(bindings))
		return -1;
	bindings[nbindings++] = (struct binding){k, a};
	return 0;
}

void keymap_init(void)
{
	nbindings = 0;
	for (int a = ACT_NONE + 1; a < ACTION_COUNT; a++) {
		const char *p = action_keys(a);
		while (*p) {
			struct key k;
			size_t n = *p == ' ' ? 1 : key_parse(p, &k);
			if (!n)
				break;
			if (*p != ' ')
				keymap_bind(k, a);
			p += n;
		}
	}
	/* Terminals differ on Enter and Backspace; accept every variant. */
	keymap_bind((struct key){'\r', false}, ACT_ENTER);
	keymap_bind((struct key){KEY_ENTER, true}, ACT_ENTER);
}

enum action keymap_lookup(struct key k)
{
	for (size_t i = 0; i < nbindings; i++)
		if (key_eq(bindings[i].key, k))
			return bindings[i].action;
	return ACT_NONE;
}
