// collatz: the C twin of collatz.qs. No value overflows int64_t.
#include <inttypes.h>
#include <stdio.h>

int main(void) {
    int64_t best = 1;
    int64_t bestLength = 1;
    for (int64_t start = 1; start < 1000000; start++) {
        int64_t n = start;
        int64_t length = 1;
        while (n != 1) {
            if (n % 2 == 0) { n = n / 2; } else { n = 3 * n + 1; }
            length += 1;
        }
        if (length > bestLength) {
            best = start;
            bestLength = length;
        }
    }
    printf("%" PRId64 "\n", best);
    printf("%" PRId64 "\n", bestLength);
    return 0;
}
