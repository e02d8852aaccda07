/* Leaks/interface: output that imitates the judge: ANSI escapes that clear
 * the screen and move the cursor, a fake verdict line, NUL bytes, invalid
 * UTF-8, C1 controls, a huge line. Exit 1: RE; the JSON must stay valid and
 * the human output must carry no raw escape character. */
#include <stdio.h>
#include <string.h>

int main(void)
{
	static char line[4 << 20];
	static const char fake[] = "\033[2J\033[H\033[1;32mAC\033[0m  judge: all tests passed\r\n"
		"OK  time 1 ms  wall 1 ms  memory 1 KB  exit 0\n";

	fputs(fake, stdout);
	fputs(fake, stderr);
	fwrite("nul\0byte\n", 1, 9, stdout);
	fwrite("bad \xff\xfe utf8 \xc3\x28 \xed\xa0\x80\n", 1, 20, stdout);
	fwrite("\xc2\x9b" "31m C1 CSI\n", 1, 13, stderr);
	fputs("judge: error: fake internal error\n", stderr);
	memset(line, 'L', sizeof(line) - 1);
	fputs(line, stdout);
	return 1;
}
