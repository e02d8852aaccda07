/* Compile time: #include the compiler's own environment (which would carry
 * the judge's if it were inherited) and the host root through /proc. CE;
 * the driver's secret variable must not appear in the message. */
#include "/proc/self/environ"
#include "/proc/1/environ"
#include "/proc/self/root/etc/passwd"
int main(void) { return 0; }
