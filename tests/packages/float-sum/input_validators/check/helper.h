static int in_range(double x) { return x >= -1e9 && x <= 1e9; }
