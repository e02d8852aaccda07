/* Kattis interactive validator: input answer feedback_dir <> submission */
#include <stdio.h>

int main(int argc, char **argv)
{
	FILE *in;
	int secret, guess, n = 0;

	if (argc < 4 || !(in = fopen(argv[1], "r")) || fscanf(in, "%d", &secret) != 1)
		return 1;
	while (scanf("%d", &guess) == 1) {
		if (++n > 20)
			return 43;
		printf("%s\n", guess < secret ? "higher" : guess > secret ? "lower" : "correct");
		fflush(stdout);
		if (guess == secret)
			return 42;
	}
	return 43;
}
