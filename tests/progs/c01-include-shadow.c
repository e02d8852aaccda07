/* Compile time: #include "/etc/shadow". gcc runs as an unprivileged uid:
 * cannot read it (or does not see it): CE, and no line of the file may
 * appear in the message. */
#include "/etc/shadow"
int main(void) { return 0; }
