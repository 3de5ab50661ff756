/* outfile: written whole or not at all; see outfile.h. */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sitrep/outfile.h"
#include "sitrep/util.h"

int outfile_make_parents(const char *path)
{
	char *dir = xstrdup(path);
	int rc = 0;
	for (char *p = dir + 1; *p && rc == 0; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(dir, 0700) != 0 && errno != EEXIST)
			rc = -1;
		*p = '/';
	}
	int saved = errno;
	free(dir);
	errno = saved;
	return rc;
}

static int fail(struct outfile *o, const char *path, int errnum, char **err)
{
	*err = xasprintf("%s: %s", path, strerror(errnum));
	free(o->path);
	free(o->tmp);
	memset(o, 0, sizeof(*o));
	return -1;
}

int outfile_open(struct outfile *o, const char *path, bool replace, char **err)
{
	struct stat st;
	bool exists = stat(path, &st) == 0;
	int stat_errno = errno;

	memset(o, 0, sizeof(*o));
	o->path = xstrdup(path);
	if (!exists && stat_errno != ENOENT)
		return fail(o, path, stat_errno, err);
	if (exists && !replace) {
		fail(o, path, EEXIST, err);
		errno = EEXIST;
		return -1;
	}
	if (exists && !S_ISREG(st.st_mode)) {
		/* Renaming over a device or a FIFO would replace it with a
		 * plain file (as root, even /dev/null): write into it. */
		o->f = fopen(path, "w");
		return o->f ? 0 : fail(o, path, errno, err);
	}
	o->tmp = xasprintf("%s.XXXXXX", path);
	int fd = mkstemp(o->tmp);
	if (fd < 0)
		return fail(o, path, errno, err);
	mode_t mode;
	if (exists) {
		mode = st.st_mode & 07777;
	} else {
		mode_t mask = umask(0);
		umask(mask);
		mode = 0666 & ~mask; /* mkstemp's 0600 is not what a user expects */
	}
	fchmod(fd, mode);
	o->f = fdopen(fd, "w");
	if (!o->f) {
		int e = errno;
		close(fd);
		unlink(o->tmp);
		return fail(o, path, e, err);
	}
	return 0;
}

int outfile_close(struct outfile *o, bool ok, char **err)
{
	int rc = ok ? 0 : -1;
	/* On disk before the rename: a crash just after must leave the old
	 * file or the new one, never an empty one under the name. */
	if (ok && o->tmp && (fflush(o->f) != 0 || fsync(fileno(o->f)) != 0)) {
		*err = xasprintf("%s: %s", o->path, strerror(errno));
		rc = -1;
	}
	if (fclose(o->f) != 0 && rc == 0) {
		*err = xasprintf("%s: %s", o->path, strerror(errno));
		rc = -1;
	}
	if (o->tmp) {
		if (rc == 0 && rename(o->tmp, o->path) != 0) {
			*err = xasprintf("%s: %s", o->path, strerror(errno));
			rc = -1;
		}
		if (rc != 0)
			unlink(o->tmp);
	}
	free(o->path);
	free(o->tmp);
	memset(o, 0, sizeof(*o));
	return rc;
}
