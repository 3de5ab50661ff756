/* notebook: an analyst's own marks on events (a star, tags, notes), kept
 * in a SQLite file of their own beside the data, never in it: the browsed
 * file stays read-only, and the marks outlive a re-import. A mark attaches
 * to an event's origin and origin id (the data set's own id), so it finds
 * the event again in a re-imported file or in another copy of the same
 * data; a mark whose event is gone stays, and is listed as such.
 *
 * Each mark has an author and a time. A mark is one per (event, kind,
 * value, author): the same star or tag twice is kept once, two notes of
 * different text are both kept; merging another analyst's notebook is the
 * union of the two. */
#ifndef SITREP_NOTEBOOK_H
#define SITREP_NOTEBOOK_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#define NOTEBOOK_APP_ID 0x5349544e /* "SITN" */
#define NOTEBOOK_SCHEMA "notes"    /* the schema name it is attached as */

enum mark_kind { MARK_STAR, MARK_TAG, MARK_NOTE };

struct mark {
	enum mark_kind kind;
	char *origin, *origin_id;
	char *value; /* the tag, the note's text; "" for a star */
	char *author;
	char *created;      /* ISO 8601, UTC */
	char *title, *date; /* the event's, when it was marked: an orphan still says what it was */
};

/* The event a mark is put on. */
struct mark_target {
	const char *origin, *origin_id, *title, *date;
};

struct notebook;

/* The notebook of the database at db_path: $XDG_DATA_HOME/sitrep/notes/
 * (else ~/.local/share/sitrep/notes/), named after the file and a hash of
 * its absolute path. NULL when there is no home directory. Caller frees. */
char *notebook_default_path(const char *db_path);
/* The notebook to use with the database at db_path: explicit (--notes),
 * else $SITREP_NOTES, else notebook_default_path. Caller frees; NULL. */
char *notebook_path_for(const char *explicit_path, const char *db_path);
/* Who marks: the given name (the config's author), else $USER. */
const char *notebook_author(const char *configured);

/* Open the notebook at path for writing, creating it (and its directory)
 * when create is set. NULL with *err set; when !create and there is no
 * such file, NULL with *err NULL. */
struct notebook *notebook_open(const char *path, bool create, char **err);
void notebook_close(struct notebook *nb);

/* Attach the notebook at path to db (read-only, as NOTEBOOK_SCHEMA) so
 * that filters can use its marks (starred, tag:, note:). 0, or -1 with
 * *err set. Once attached, marks written through notebook_* show there at
 * their commit. */
int notebook_attach(sqlite3 *db, const char *path, char **err);
/* True when db has a notebook attached. */
bool notebook_attached(sqlite3 *db);

/* Star t, or take the author's star off it: *on says which. */
int notebook_toggle_star(struct notebook *nb, const struct mark_target *t, const char *author,
			 bool *on, char **err);
/* Add (or, when remove, take off) the author's tag on t. */
int notebook_tag(struct notebook *nb, const struct mark_target *t, const char *author,
		 const char *tag, bool remove, char **err);
/* Add a note to t. */
int notebook_note(struct notebook *nb, const struct mark_target *t, const char *author,
		  const char *text, char **err);

/* The marks on one event (origin_id NULL: every mark), oldest first. */
int notebook_marks(struct notebook *nb, const char *origin, const char *origin_id, struct mark **v,
		   size_t *n, char **err);
void marks_free(struct mark *v, size_t n);
/* The tags in use, most used first, up to max; each a fresh string. */
int notebook_tags(struct notebook *nb, char ***tags, size_t *n, size_t max, char **err);

/* Every mark as one JSON object a line. 0, or -1 with *err set. */
int notebook_export(struct notebook *nb, FILE *out, char **err);
/* Merge the marks of a notebook_export file: *added new, *kept already
 * there. A bad line stops the merge (nothing of it lands) with *err
 * naming the line. */
int notebook_import(struct notebook *nb, FILE *in, const char *name, long *added, long *kept,
		    char **err);

const char *mark_kind_name(enum mark_kind k);

#endif
