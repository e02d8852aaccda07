/* Compile time: #include a FIFO (the driver makes @SCRATCH@/fifo) and the
 * terminal: the open blocks, or the file is not visible: CE within the
 * compile limits, no compiler process left behind. */
#include "@SCRATCH@/fifo"
#include "/dev/tty"
int main(void) { return 0; }
