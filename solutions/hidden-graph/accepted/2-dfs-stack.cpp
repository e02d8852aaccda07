// hidden-graph in C++: an iterative DFS with an explicit stack, asking
// about a vertex when it is taken off the stack for the first time.
#include <iostream>
#include <vector>

int main()
{
	int n;
	if (!(std::cin >> n))
		return 1;
	std::vector<char> seen(n + 1, 0);
	int components = 0;
	for (int s = 1; s <= n; s++) {
		if (seen[s])
			continue;
		components++;
		std::vector<int> stack{s};
		seen[s] = 1;
		while (!stack.empty()) {
			int v = stack.back();
			stack.pop_back();
			std::cout << "? " << v << std::endl;   // endl flushes
			int d;
			std::cin >> d;
			for (int i = 0; i < d; i++) {
				int u;
				std::cin >> u;
				if (!seen[u]) {
					seen[u] = 1;
					stack.push_back(u);
				}
			}
		}
	}
	std::cout << "! " << components << std::endl;
	return 0;
}
