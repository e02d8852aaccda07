/* Compile time: #include a secret by absolute path (the driver puts the
 * path of its root-only secret file, and of a world-readable copy, in place
 * of the tokens). CE; the secret's content must not appear. */
#include "@SECRET@"
#include "@PUBLIC_SECRET@"
int main(void) { return 0; }
