/* Compile time: a flood of diagnostics (millions of errors from one macro).
 * CE with a capped message. */
#define E1 x = ;
#define E2 E1 E1 E1 E1 E1 E1 E1 E1 E1 E1
#define E3 E2 E2 E2 E2 E2 E2 E2 E2 E2 E2
#define E4 E3 E3 E3 E3 E3 E3 E3 E3 E3 E3
#define E5 E4 E4 E4 E4 E4 E4 E4 E4 E4 E4
#define E6 E5 E5 E5 E5 E5 E5 E5 E5 E5 E5
void f(void) { int x; E6 E6 E6 }
int main(void) { return 0; }
