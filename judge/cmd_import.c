/* cmd_import.c: placeholder until the 'import' command is written (owner replaces it). */
#include "judge/judge.h"

int cmd_import(struct judge_ctx *ctx, int argc, char **argv)
{
	(void)ctx; (void)argc; (void)argv;
	judge_error("'import' is not built yet");
	return EXIT_INTERNAL;
}
