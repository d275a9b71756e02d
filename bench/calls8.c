/* calls8: 50 million calls of a function of eight arguments (calls8.qs in C).
 * sum wraps like Quastra's Int, so it is computed in uint64_t. */
#include <stdint.h>
#include <stdio.h>

static uint64_t mix(uint64_t a, uint64_t b, uint64_t c, uint64_t d, uint64_t e, uint64_t f, uint64_t g, uint64_t h) {
    return (a ^ b) + (c & d) - (e | f) + g * h;
}

int main(void) {
    uint64_t sum = 0;
    for (int64_t i = 0; i < 50000000; i++) sum = sum + mix(i, sum, i + 1, 255, i & 7, 3, i, 5);
    printf("%lld\n", (long long)(int64_t)sum);
    return 0;
}
