// loops: the C twin of loops.qs. Quastra's Int wraps modulo 2^64, so x and sum
// are uint64_t (no signed-overflow UB); a is a signed 64-bit value, and / % >>
// are done on int64_t as in Quastra (gcc's >> on a negative int is arithmetic).
#include <inttypes.h>
#include <stdio.h>

int main(void) {
    uint64_t x = 88172645463325252u;
    uint64_t sum = 0;
    for (int64_t i = 0; i < 10000; i++) {
        for (int64_t j = 1; j < 10000; j++) {
            x = x * 6364136223846793005u + 1442695040888963407u;
            int64_t a = (int64_t)x >> 29;
            int64_t d = ((i ^ j) & 255) + 1;
            sum = sum + (uint64_t)(a / d) - (uint64_t)(a % (j | 1));
            sum = sum ^ ((uint64_t)a << (j & 15));
        }
    }
    printf("%" PRId64 "\n", (int64_t)sum);
    printf("%" PRId64 "\n", (int64_t)x);
    return 0;
}
