/* Compile time: self-inclusion blow-up: each level includes this file twice,
 * 2^40 inclusions in all. The compile's time limit ends it: CE. */
#ifndef DEPTH
#define DEPTH 0
#endif
#if DEPTH < 40
#  undef DEPTH
#  include __FILE__
#  include __FILE__
#endif
int main(void) { return 0; }
