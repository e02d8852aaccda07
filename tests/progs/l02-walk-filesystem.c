/* Leaks: look around the file system for anything: list /, .., /tmp, /work
 * and the box. getdents is not needed by a solution: SV, or RE (exit 3)
 * when nothing can be opened. */
#include <dirent.h>
#include <stdio.h>

int main(void)
{
	const char *dirs[] = { "/", "..", "/tmp", "/work", "/etc", ".", NULL };
	int i;

	for (i = 0; dirs[i]; i++) {
		DIR *d = opendir(dirs[i]);
		struct dirent *e;

		if (!d)
			continue;
		while ((e = readdir(d)))
			printf("%s/%s\n", dirs[i], e->d_name);
		closedir(d);
	}
	return 3;
}
