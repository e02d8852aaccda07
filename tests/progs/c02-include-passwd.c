/* Compile time: #include "/etc/passwd" (world-readable). gcc would print its
 * first line in the error: the compile sandbox must not show host files.
 * CE, and "root:x:0:0" must not appear. */
#include "/etc/passwd"
int main(void) { return 0; }
