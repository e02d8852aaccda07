#include <iostream>
int main() { long long n, x; if (!(std::cin >> n) || n < 1 || n > 100) return 43;
for (long long i = 0; i < n; i++) if (!(std::cin >> x) || x < 0) return 43; return 42; }
