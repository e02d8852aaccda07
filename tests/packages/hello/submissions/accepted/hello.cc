#include <iostream>
int main() { int n; std::cin >> n; std::cout << "Hello   World!\n"; }
