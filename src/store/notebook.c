/* notebook: the analyst's marks, in a file of their own (notebook.h). */
#include "config.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "sitrep/db.h"
#include "sitrep/extra_json.h"
#include "sitrep/notebook.h"
#include "sitrep/outfile.h"
#include "sitrep/strbuf.h"
#include "sitrep/util.h"

struct notebook {
	sqlite3 *db;
	char *path;
};

static const char *const kind_names[] = {"star", "tag", "note"};

static const char schema[] = "CREATE TABLE IF NOT EXISTS mark ("
			     " id INTEGER PRIMARY KEY,"
			     " origin TEXT NOT NULL, origin_id TEXT NOT NULL,"
			     " kind TEXT NOT NULL CHECK (kind IN ('star', 'tag', 'note')),"
			     " value TEXT NOT NULL DEFAULT '',"
			     " author TEXT NOT NULL, created TEXT NOT NULL,"
			     " title TEXT, date TEXT,"
			     " UNIQUE (origin_id, origin, kind, value, author));"
			     "CREATE INDEX IF NOT EXISTS mark_kind ON mark (kind, value);";

const char *mark_kind_name(enum mark_kind k)
{
	return k <= MARK_NOTE ? kind_names[k] : "?";
}

static int kind_of(const char *name)
{
	for (int k = 0; k <= MARK_NOTE; k++)
		if (name && strcmp(name, kind_names[k]) == 0)
			return k;
	return -1;
}

/* ---- where the notebook lives ---- */

static uint64_t fnv1a(const char *s)
{
	uint64_t h = 14695981039346656037ULL;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return h;
}

char *notebook_default_path(const char *db_path)
{
	const char *xdg = getenv("XDG_DATA_HOME"), *home = getenv("HOME");
	char *dir;
	if (xdg && xdg[0] == '/') /* the spec ignores a relative one */
		dir = xasprintf("%s/sitrep/notes", xdg);
	else if (home && home[0] == '/')
		dir = xasprintf("%s/.local/share/sitrep/notes", home);
	else
		return NULL;
	/* one notebook per file, wherever it is opened from */
	char *real = realpath(db_path, NULL);
	const char *abs = real ? real : db_path;
	const char *base = strrchr(abs, '/');
	base = base ? base + 1 : abs;
	char *path = xasprintf("%s/%.64s-%016llx.notes", dir, base, (unsigned long long)fnv1a(abs));
	free(real);
	free(dir);
	return path;
}

char *notebook_path_for(const char *explicit_path, const char *db_path)
{
	const char *env = getenv("SITREP_NOTES");
	if (explicit_path && *explicit_path)
		return xstrdup(explicit_path);
	if (env && *env)
		return xstrdup(env);
	return notebook_default_path(db_path);
}

const char *notebook_author(const char *configured)
{
	if (configured && *configured)
		return configured;
	const char *user = getenv("USER");
	return user && *user ? user : "unknown";
}

/* ---- opening ---- */

static int check_notebook(sqlite3 *db, const char *path, char **err)
{
	sqlite3_stmt *st;
	long long id = 0;
	if (sqlite3_prepare_v2(db, "PRAGMA application_id", -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (id == 0 || id == NOTEBOOK_APP_ID)
		return 0;
	*err = xasprintf("%s: not a sitrep notebook", path);
	return -1;
}

struct notebook *notebook_open(const char *path, bool create, char **err)
{
	struct stat sb;
	*err = NULL;
	if (stat(path, &sb) != 0) {
		if (!create)
			return NULL;
		if (outfile_make_parents(path) != 0) {
			*err =
			    xasprintf("%s: cannot make its directory: %s", path, strerror(errno));
			return NULL;
		}
	}
	sqlite3 *db = NULL;
	int rc = sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
	if (rc != SQLITE_OK) {
		*err = xasprintf("%s: %s", path, db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
		sqlite3_close(db);
		return NULL;
	}
	sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
	sqlite3_db_config(db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
	sqlite3_busy_timeout(db, 2000);
	char *msg = NULL;
	char *sql =
	    xasprintf("BEGIN; %s PRAGMA application_id = %d; COMMIT;", schema, NOTEBOOK_APP_ID);
	if (check_notebook(db, path, err) != 0 ||
	    sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		if (!*err)
			*err = xasprintf("%s: %s", path, msg ? msg : sqlite3_errmsg(db));
		sqlite3_free(msg);
		free(sql);
		sqlite3_close(db);
		return NULL;
	}
	free(sql);
	db_register_functions(db);
	struct notebook *nb = xcalloc(1, sizeof *nb);
	nb->db = db;
	nb->path = xstrdup(path);
	return nb;
}

void notebook_close(struct notebook *nb)
{
	if (!nb)
		return;
	sqlite3_close(nb->db);
	free(nb->path);
	free(nb);
}

int notebook_attach(sqlite3 *db, const char *path, char **err)
{
	sqlite3_stmt *st;
	/* Browsing connections allow no ATTACH (db.c's defences): this one,
	 * of a file sitrep made, is let through and the door shut again. */
	int limit = sqlite3_limit(db, SQLITE_LIMIT_ATTACHED, -1);
	sqlite3_limit(db, SQLITE_LIMIT_ATTACHED, limit + 1);
	int rc = sqlite3_prepare_v2(db, "ATTACH ?1 AS " NOTEBOOK_SCHEMA, -1, &st, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_text(st, 1, path, -1, SQLITE_TRANSIENT);
		rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : SQLITE_ERROR;
	}
	if (rc != SQLITE_OK)
		*err = xasprintf("%s: %s", path, sqlite3_errmsg(db));
	sqlite3_finalize(st);
	sqlite3_limit(db, SQLITE_LIMIT_ATTACHED, limit);
	return rc == SQLITE_OK ? 0 : -1;
}

bool notebook_attached(sqlite3 *db)
{
	return sqlite3_db_filename(db, NOTEBOOK_SCHEMA) != NULL;
}

/* ---- writing ---- */

/* "now" as ISO 8601 UTC; SITREP_NOW (--now) fixes the day, for tests and
 * for reproducible notebooks. */
static void now_iso(char *buf, size_t size)
{
	const char *fixed = getenv("SITREP_NOW");
	if (fixed && strlen(fixed) == 10) {
		snprintf(buf, size, "%sT00:00:00Z", fixed);
		return;
	}
	time_t t = time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(buf, size, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

static int exec_mark(struct notebook *nb, const char *sql, const struct mark_target *t,
		     const char *kind, const char *value, const char *author, const char *created,
		     char **err)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(nb->db, sql, -1, &st, NULL) != SQLITE_OK) {
		*err = xasprintf("%s: %s", nb->path, sqlite3_errmsg(nb->db));
		return -1;
	}
	const char *vals[] = {t->origin, t->origin_id, kind,     value,
			      author,    created,      t->title, t->date};
	int nparams = sqlite3_bind_parameter_count(st);
	for (int i = 0; i < nparams && i < 8; i++)
		sqlite3_bind_text(st, i + 1, vals[i], -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		*err = xasprintf("%s: %s", nb->path, sqlite3_errmsg(nb->db));
		return -1;
	}
	return sqlite3_changes(nb->db);
}

static const char insert_sql[] =
    "INSERT OR IGNORE INTO mark (origin, origin_id, kind, value, author, created, title, date)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
static const char delete_sql[] = "DELETE FROM mark WHERE origin = ? AND origin_id = ? AND kind = ?"
				 " AND value = ? AND author = ?";

static int put(struct notebook *nb, const struct mark_target *t, enum mark_kind k,
	       const char *value, const char *author, bool remove, char **err)
{
	char created[32];
	now_iso(created, sizeof created);
	return exec_mark(nb, remove ? delete_sql : insert_sql, t, kind_names[k], value, author,
			 created, err);
}

int notebook_toggle_star(struct notebook *nb, const struct mark_target *t, const char *author,
			 bool *on, char **err)
{
	int n = put(nb, t, MARK_STAR, "", author, false, err);
	if (n < 0)
		return -1;
	*on = n > 0;
	if (!*on && put(nb, t, MARK_STAR, "", author, true, err) < 0)
		return -1;
	return 0;
}

int notebook_tag(struct notebook *nb, const struct mark_target *t, const char *author,
		 const char *tag, bool remove, char **err)
{
	return put(nb, t, MARK_TAG, tag, author, remove, err) < 0 ? -1 : 0;
}

int notebook_note(struct notebook *nb, const struct mark_target *t, const char *author,
		  const char *text, char **err)
{
	return put(nb, t, MARK_NOTE, text, author, false, err) < 0 ? -1 : 0;
}

/* ---- reading ---- */

static char *col(sqlite3_stmt *st, int i)
{
	const unsigned char *s = sqlite3_column_text(st, i);
	return xstrdup(s ? (const char *)s : "");
}

int notebook_marks(struct notebook *nb, const char *origin, const char *origin_id, struct mark **v,
		   size_t *n, char **err)
{
	sqlite3_stmt *st;
	*v = NULL;
	*n = 0;
	if (sqlite3_prepare_v2(nb->db,
			       "SELECT kind, origin, origin_id, value, author, created, title, date"
			       " FROM mark WHERE ?2 IS NULL OR (origin_id = ?2 AND origin = ?1)"
			       " ORDER BY created, id",
			       -1, &st, NULL) != SQLITE_OK) {
		*err = xasprintf("%s: %s", nb->path, sqlite3_errmsg(nb->db));
		return -1;
	}
	sqlite3_bind_text(st, 1, origin, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, origin_id, -1, SQLITE_TRANSIENT);
	while (sqlite3_step(st) == SQLITE_ROW) {
		int k = kind_of((const char *)sqlite3_column_text(st, 0));
		if (k < 0)
			continue;
		*v = xrealloc(*v, (*n + 1) * sizeof **v);
		struct mark *m = &(*v)[(*n)++];
		m->kind = (enum mark_kind)k;
		m->origin = col(st, 1);
		m->origin_id = col(st, 2);
		m->value = col(st, 3);
		m->author = col(st, 4);
		m->created = col(st, 5);
		m->title = col(st, 6);
		m->date = col(st, 7);
	}
	sqlite3_finalize(st);
	return 0;
}

void marks_free(struct mark *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].origin);
		free(v[i].origin_id);
		free(v[i].value);
		free(v[i].author);
		free(v[i].created);
		free(v[i].title);
		free(v[i].date);
	}
	free(v);
}

int notebook_tags(struct notebook *nb, char ***tags, size_t *n, size_t max, char **err)
{
	sqlite3_stmt *st;
	*tags = NULL;
	*n = 0;
	if (sqlite3_prepare_v2(nb->db,
			       "SELECT value FROM mark WHERE kind = 'tag' GROUP BY value"
			       " ORDER BY count(*) DESC, value LIMIT ?",
			       -1, &st, NULL) != SQLITE_OK) {
		*err = xasprintf("%s: %s", nb->path, sqlite3_errmsg(nb->db));
		return -1;
	}
	sqlite3_bind_int64(st, 1, (sqlite3_int64)max);
	while (sqlite3_step(st) == SQLITE_ROW) {
		*tags = xrealloc(*tags, (*n + 1) * sizeof **tags);
		(*tags)[(*n)++] = col(st, 0);
	}
	sqlite3_finalize(st);
	return 0;
}

/* ---- merging notebooks ---- */

static const char *const json_keys[] = {"origin", "origin_id", "kind",  "value",
					"author", "created",   "title", "date"};

int notebook_export(struct notebook *nb, FILE *out, char **err)
{
	struct mark *v;
	size_t n;
	if (notebook_marks(nb, NULL, NULL, &v, &n, err) != 0)
		return -1;
	struct strbuf sb = STRBUF_INIT;
	for (size_t i = 0; i < n; i++) {
		const char *vals[] = {v[i].origin, v[i].origin_id, kind_names[v[i].kind],
				      v[i].value,  v[i].author,    v[i].created,
				      v[i].title,  v[i].date};
		sb_reset(&sb);
		for (size_t k = 0; k < ARRAY_SIZE(json_keys); k++)
			extra_add(&sb, json_keys[k], strlen(json_keys[k]), vals[k],
				  strlen(vals[k]));
		extra_end(&sb);
		fprintf(out, "%s\n", sb_str(&sb));
	}
	sb_free(&sb);
	marks_free(v, n);
	return 0;
}

/* One exported line as a mark's fields, in json_keys' order. */
static int parse_line(const char *line, char *vals[8])
{
	struct extra_field *f;
	for (size_t k = 0; k < ARRAY_SIZE(json_keys); k++)
		vals[k] = NULL;
	int nf = extra_parse(line, &f);
	if (nf < 0)
		return -1;
	for (size_t k = 0; k < ARRAY_SIZE(json_keys); k++) {
		for (int i = 0; i < nf; i++)
			if (strcmp(f[i].key, json_keys[k]) == 0) { /* the last of a repeated key */
				free(vals[k]);
				vals[k] = xstrdup(f[i].value);
			}
	}
	extra_free(f, nf);
	/* the fields that say which event, what and who are required */
	bool ok = vals[0] && *vals[0] && vals[1] && *vals[1] && kind_of(vals[2]) >= 0 && vals[4] &&
		  *vals[4] && vals[5] && *vals[5];
	if (ok && !vals[3])
		vals[3] = xstrdup("");
	return ok ? 0 : -1;
}

int notebook_import(struct notebook *nb, FILE *in, const char *name, long *added, long *kept,
		    char **err)
{
	sqlite3_stmt *st = NULL;
	char *line = NULL;
	size_t cap = 0;
	unsigned long lineno = 0;
	int rc = -1;
	*added = *kept = 0;
	sqlite3_exec(nb->db, "BEGIN", NULL, NULL, NULL);
	if (sqlite3_prepare_v2(nb->db, insert_sql, -1, &st, NULL) != SQLITE_OK) {
		*err = xasprintf("%s: %s", nb->path, sqlite3_errmsg(nb->db));
		goto out;
	}
	while (getline(&line, &cap, in) > 0) {
		lineno++;
		line[strcspn(line, "\r\n")] = '\0';
		if (!*line)
			continue;
		char *vals[8];
		if (parse_line(line, vals) != 0) {
			for (int k = 0; k < 8; k++)
				free(vals[k]);
			*err = xasprintf("%s:%lu: not a mark (a JSON object with origin, origin_id,"
					 " kind, author and created)",
					 name, lineno);
			goto out;
		}
		sqlite3_reset(st);
		for (int k = 0; k < 8; k++) {
			sqlite3_bind_text(st, k + 1, vals[k], -1, SQLITE_TRANSIENT);
			free(vals[k]);
		}
		if (sqlite3_step(st) != SQLITE_DONE) {
			*err = xasprintf("%s: %s", nb->path, sqlite3_errmsg(nb->db));
			goto out;
		}
		if (sqlite3_changes(nb->db))
			++*added;
		else
			++*kept;
	}
	if (ferror(in)) {
		*err = xasprintf("%s: %s", name, strerror(errno));
		goto out;
	}
	rc = 0;
out:
	sqlite3_finalize(st);
	free(line);
	sqlite3_exec(nb->db, rc == 0 ? "COMMIT" : "ROLLBACK", NULL, NULL, NULL);
	return rc;
}
