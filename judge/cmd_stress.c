/* cmd_stress.c: placeholder until the 'stress' command is written (owner replaces it). */
#include "judge/judge.h"

int cmd_stress(struct judge_ctx *ctx, int argc, char **argv)
{
	(void)ctx; (void)argc; (void)argv;
	judge_error("'stress' is not built yet");
	return EXIT_INTERNAL;
}
