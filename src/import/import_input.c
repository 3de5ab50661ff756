/* import_input: an import's input read twice (see import_input.h). */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include "import_input.h"
#include "sitrep/encoding.h"
#include "sitrep/import_file.h"
#include "sitrep/util.h"

#define BLOCK (256 * 1024)

long long import_spool_max(void)
{
	const char *env = getenv("SITREP_SPOOL_MAX");
	char *end;
	long long v = env && *env ? strtoll(env, &end, 10) : 0;
	return v > 0 && !*end ? v : 4LL << 30;
}

static bool blank(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
			return false;
	return true;
}

static int read_error(const struct import_input *in)
{
	if (import_interrupted())
		message_(stderr, "%s: interrupted\n", in->name);
	else
		message_(stderr, "%s: %s\n", in->name, strerror(errno));
	return -1;
}

/* ---- copying a pipe aside */

/* A fresh file in TMPDIR, already unlinked; NULL with errno. */
static FILE *spool_file(const char **dir)
{
	*dir = getenv("TMPDIR");
	if (!*dir || !**dir)
		*dir = "/tmp";
	char *path = xasprintf("%s/sitrep-import.XXXXXX", *dir);
	int fd = mkstemp(path);
	if (fd >= 0)
		unlink(path);
	free(path);
	FILE *f = fd >= 0 ? fdopen(fd, "w+b") : NULL;
	if (!f && fd >= 0)
		close(fd);
	return f;
}

/* Would n more bytes leave the file system of f short? It keeps a tenth
 * of itself, at most 256 MiB, for everyone else. */
static bool short_of_room(FILE *f, size_t n, long long *left)
{
	struct statvfs vfs;
	if (fstatvfs(fileno(f), &vfs) != 0)
		return false;
	long long avail = (long long)vfs.f_bavail * (long long)vfs.f_frsize;
	long long size = (long long)vfs.f_blocks * (long long)vfs.f_frsize;
	long long keep = size / 10 < (256LL << 20) ? size / 10 : (256LL << 20);
	*left = avail;
	return avail - (long long)n < keep;
}

static int spool_refuse(const struct import_input *in, FILE *tmp, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int spool_refuse(const struct import_input *in, FILE *tmp, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *why = xvasprintf(fmt, ap);
	va_end(ap);
	message_(stderr, "%s: %s\n", in->name, why);
	free(why);
	if (tmp)
		fclose(tmp);
	return -1;
}

/* Copy in->f aside, block by block; binary data is refused before any
 * copy, and the copy stops at the cap, when the disk would fill, and on
 * Ctrl-C. */
static int spool(struct import_input *in)
{
	char *buf = xmalloc(BLOCK);
	size_t n = fread(buf, 1, BLOCK, in->f);
	if (n > 0 && memchr(buf, '\0', n)) {
		free(buf);
		return spool_refuse(in, NULL,
				    "binary data (a NUL byte), not a CSV or sitrep text file");
	}
	const char *dir;
	FILE *tmp = spool_file(&dir);
	if (!tmp) {
		free(buf);
		return spool_refuse(in, NULL, "cannot copy it aside in %s: %s", dir,
				    strerror(errno));
	}
	long long total = 0, max = import_spool_max(), left;
	int rc = 0;
	for (; n > 0 && rc == 0; n = fread(buf, 1, BLOCK, in->f)) {
		if (import_interrupted())
			rc = spool_refuse(in, tmp, "interrupted");
		else if ((total += (long long)n) > max)
			rc = spool_refuse(
			    in, tmp,
			    "more than %lld bytes from a pipe or device, the most "
			    "import copies aside (SITREP_SPOOL_MAX): save it to a file "
			    "and import that",
			    max);
		else if (short_of_room(tmp, n, &left))
			rc =
			    spool_refuse(in, tmp,
					 "copying it aside would leave %s with %lld MiB free: save "
					 "it to a file where there is room and import that",
					 dir, (left - (long long)n) >> 20);
		else if (fwrite(buf, 1, n, tmp) != n)
			rc = spool_refuse(in, tmp, "cannot copy it aside in %s: %s", dir,
					  strerror(errno));
	}
	free(buf);
	if (rc < 0)
		return -1;
	if (ferror(in->f)) {
		fclose(tmp);
		return read_error(in);
	}
	if (fflush(tmp) != 0)
		return spool_refuse(in, tmp, "cannot copy it aside in %s: %s", dir,
				    strerror(errno));
	if (in->close)
		fclose(in->f);
	in->f = tmp;
	in->close = in->copied = true;
	rewind(tmp);
	return 0;
}

int import_input_open(struct import_input *in, const char *path)
{
	bool std = strcmp(path, "-") == 0;
	memset(in, 0, sizeof(*in));
	in->name = std ? "(standard input)" : path;
	/* A FIFO without a writer blocks here; Ctrl-C ends the wait (the
	 * handler does not restart system calls). */
	in->f = std ? stdin : fopen(path, "rb");
	in->close = !std;
	if (!in->f)
		return read_error(in);
	if (fstat(fileno(in->f), &in->st) == 0 && S_ISREG(in->st.st_mode))
		return 0;
	if (S_ISDIR(in->st.st_mode)) {
		message_(stderr, "%s: is a directory\n", in->name);
		import_input_close(in);
		return -1;
	}
	if (spool(in) < 0) {
		import_input_close(in);
		return -1;
	}
	return 0;
}

int import_input_sniff(struct import_input *in, struct import_sniff *sn)
{
	FILE *f = in->f;
	char *buf = xmalloc(BLOCK + 4);
	size_t carry = 0, n;
	unsigned long line = 1;
	memset(sn, 0, sizeof(*sn));
	sn->utf8 = sn->empty = true;
	while (!import_interrupted() && (n = fread(buf + carry, 1, BLOCK, f)) > 0) {
		size_t skip = 0;
		if (sn->size == 0) {
			sn->nhead = n < sizeof(sn->head) ? n : sizeof(sn->head);
			memcpy(sn->head, buf, sn->nhead);
			sn->binary = memchr(buf, '\0', n) != NULL;
			if (n >= 3 && memcmp(buf, ENC_BOM, 3) == 0)
				skip = 3;
		}
		sn->size += (long long)n;
		if (sn->empty && !blank(buf + carry + skip, n - skip))
			sn->empty = false;
		n += carry;
		size_t ok = sn->utf8 ? enc_utf8_valid_len(buf, n) : n;
		if (sn->utf8 && n - ok >= 4) {
			sn->utf8 = false;
			for (const char *p = buf; (p = memchr(p, '\n', (size_t)(buf + ok - p)));)
				line++, p++;
			sn->bad_line = line;
		} else if (sn->utf8) {
			for (const char *p = buf; (p = memchr(p, '\n', (size_t)(buf + ok - p)));)
				line++, p++;
		}
		carry = sn->utf8 ? n - ok : 0;
		memmove(buf, buf + n - carry, carry);
	}
	free(buf);
	if (import_interrupted() || ferror(f))
		return read_error(in);
	if (carry) { /* a sequence cut by the end of the file */
		sn->utf8 = false;
		sn->bad_line = line;
	}
	rewind(f);
	return import_input_unchanged(in, sn);
}

int import_input_unchanged(struct import_input *in, const struct import_sniff *sn)
{
	struct stat now;
	if (in->copied)
		return 0;
	if (fstat(fileno(in->f), &now) != 0)
		return read_error(in);
	if (now.st_size == in->st.st_size && sn->size == (long long)now.st_size &&
	    now.st_mtim.tv_sec == in->st.st_mtim.tv_sec &&
	    now.st_mtim.tv_nsec == in->st.st_mtim.tv_nsec)
		return 0;
	message_(stderr,
		 "%s: the file changed while it was imported (%lld bytes when opened, %lld "
		 "now): what was read is not the file; import it again once it is written\n",
		 in->name, (long long)in->st.st_size, (long long)now.st_size);
	return -1;
}

void import_input_close(struct import_input *in)
{
	if (in->f && in->close)
		fclose(in->f);
	in->f = NULL;
}
