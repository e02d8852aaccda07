// Kattis output validator: exact "Hello World!" (case matters), any spacing.
#include <cstdlib>
#include <iostream>
#include "feedback.h"

int main(int argc, char **argv)
{
	std::string a, b, extra;

	if (argc < 4)
		return 1;
	open_feedback(argv[3]);
	if (!(std::cin >> a >> b))
		verdict(false, "too little output");
	if (a != "Hello" || b != "World!")
		verdict(false, "expected Hello World!, got " + a + " " + b);
	if (std::cin >> extra)
		verdict(false, "trailing output");
	verdict(true, "");
}
