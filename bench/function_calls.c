/* function_calls: 50 million calls of step on a record passed by pointer (function_calls.qs in C;
 * a Quastra record is a heap object, passed as its address). sum wraps like
 * Quastra's Int, so it is computed in uint64_t. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

struct acc { int64_t scale, offset; };

static uint64_t step(const struct acc *acc, int64_t i) {
    return (uint64_t)(i & 1023) * (uint64_t)acc->scale + (uint64_t)acc->offset;
}

int main(void) {
    struct acc *acc = malloc(sizeof *acc);
    acc->scale = 3;
    acc->offset = 7;
    uint64_t sum = 0;
    for (int64_t i = 0; i < 50000000; i++) sum = sum + step(acc, i);
    printf("%lld\n", (long long)(int64_t)sum);
    free(acc);
    return 0;
}
