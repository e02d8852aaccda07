/* validator.c: checks one n-queens input on stdin: exactly "n\n" with
 * 1 <= n <= 14, no sign, no leading zeros. Exit 0 when valid, else 1 with one
 * line on stderr. */
#include <stdio.h>

int main(void)
{
	char in[64];
	size_t len = fread(in, 1, sizeof in, stdin);
	size_t pos = 0;
	int n = 0;

	if (len == sizeof in) {
		fprintf(stderr, "line 1: input too long\n");
		return 1;
	}
	while (pos < len && in[pos] >= '0' && in[pos] <= '9') {
		if (pos == 1 && in[0] == '0') {
			fprintf(stderr, "line 1: n: leading zero\n");
			return 1;
		}
		if (n < 1000)
			n = n * 10 + (in[pos] - '0');
		pos++;
	}
	if (pos == 0) {
		if (len == 0)
			fprintf(stderr, "line 1: expected n, got end of file\n");
		else
			fprintf(stderr, "line 1: expected n, got byte 0x%02x\n", (unsigned char)in[0]);
		return 1;
	}
	if (n < 1 || n > 14) {
		fprintf(stderr, "line 1: n: %.*s out of range [1, 14]\n", (int)pos, in);
		return 1;
	}
	if (pos >= len || in[pos] != '\n') {
		if (pos >= len)
			fprintf(stderr, "line 1: expected end of line, got end of file\n");
		else
			fprintf(stderr, "line 1: expected end of line, got byte 0x%02x\n", (unsigned char)in[pos]);
		return 1;
	}
	if (pos + 1 != len) {
		fprintf(stderr, "line 2: extra data after the last line\n");
		return 1;
	}
	return 0;
}
