// Kattis output validator: v input answer feedback_dir [args] < team_output
#include <cstdio>
#include <cstring>
#include <iostream>
#include <string>
#include "words.h"

int main(int argc, char **argv)
{
	bool strict = false;
	if (argc < 4) return 1;
	for (int i = 4; i < argc; i++) if (!std::strcmp(argv[i], "--strict")) strict = true;
	std::FILE *ans = std::fopen(argv[2], "r");
	if (!ans) return 1;
	char want[16];
	std::string got;
	int k = 0;
	while (std::fscanf(ans, "%15s", want) == 1) {
		k++;
		if (!(std::cin >> got)) { std::cout << "case " << k << ": no answer\n"; return 43; }
		if (strict ? got != want : !same_word(got, want)) {
			std::cout << "case " << k << ": expected " << want << ", got " << got << "\n";
			return 43;
		}
	}
	if (std::cin >> got) { std::cout << "trailing output\n"; return 43; }
	return 42;
}
