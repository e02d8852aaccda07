// Feedback files in the style of Kattis validators: opened at start,
// written when the verdict is known.
#include <fstream>
#include <string>

static std::ofstream judge_message;

static void open_feedback(const char *dir)
{
	judge_message.open(std::string(dir) + "/judgemessage.txt");
}

[[noreturn]] static void verdict(bool ok, const std::string &why)
{
	judge_message << why << "\n";
	if (!judge_message)
		std::cerr << why << "\n";
	std::exit(ok ? 42 : 43);
}
