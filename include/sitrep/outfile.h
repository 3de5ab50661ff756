/* outfile: a file that `sitrep export -o` or the TUI's :export writes whole
 * or not at all. A regular file (new, or one being replaced) is written
 * under a temporary name beside it, made by mkstemp (never a name someone
 * else could have planted), synced, and renamed over it only when
 * everything was written: a failed export never leaves half a file where a
 * good one was, nor a crash an empty one.
 * A path that exists and is not a regular file (/dev/stdout, a FIFO, a
 * terminal) is a stream: it is written in place, never replaced. */
#ifndef SITREP_OUTFILE_H
#define SITREP_OUTFILE_H

#include <stdbool.h>
#include <stdio.h>

struct outfile {
	FILE *f;    /* write here */
	char *path; /* as given */
	char *tmp;  /* the temporary name, or NULL for a stream */
};

/* Open path for writing. With replace false, an existing path is refused
 * (errno EEXIST). A replaced file keeps its permission bits; a new one
 * gets the umask's. 0, or -1 with *err set ("PATH: reason") and nothing
 * created. */
int outfile_open(struct outfile *o, const char *path, bool replace, char **err);
/* Finish: with ok (everything written), flush and rename into place; else,
 * or when that fails, remove the temporary file. 0; -1 when not ok, or
 * with *err set ("PATH: reason") when the close or rename failed. o is
 * freed either way. */
int outfile_close(struct outfile *o, bool ok, char **err);

/* mkdir -p of the directories leading to path (its last component is
 * not made: "a/b/" makes a/b, "a/b/f" makes a/b), private to the user
 * (0700). 0, or -1 with errno set. */
int outfile_make_parents(const char *path);

#endif
