/* Resources: exhaust inodes with directories. mkdir is denied: SV. */
#include <stdio.h>
#include <sys/stat.h>

int main(void)
{
	char name[32];
	int i;

	for (i = 0; i < 100000; i++) {
		snprintf(name, sizeof(name), "d%d", i);
		if (mkdir(name, 0777) == 0 && i == 0)
			printf("ESCAPED mkdir\n");
	}
	return 3;
}
