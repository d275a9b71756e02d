/* sieve: the C twin of sieve.qs. Each round mallocs its array and frees it at
 * the end, as qnano frees the Quastra array when its last reference dies. The
 * elements are bytes (bool), one byte like the elements of qnano's Array[Bool]
 * (spec/heap.md), so the times compare code, not data layout. */
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

int main(void) {
    int64_t n = 2000000;
    int64_t count = 0;
    int64_t total = 0;
    for (int64_t round = 0; round < 30; round++) {
        int64_t length = n + 1;
        bool *a = malloc(length * sizeof *a);
        if (a == NULL) return 1;
        for (int64_t k = 0; k < length; k++) a[k] = true;
        a[0] = false;
        a[1] = false;
        for (int64_t i = 2; i * i <= n; i++) {
            if (a[i]) {
                for (int64_t j = i * i; j <= n; j += i) a[j] = false;
            }
        }
        count = 0;
        for (int64_t k = 0; k < length; k++) {
            if (a[k]) count += 1;
        }
        total += count;
        free(a);
    }
    printf("%" PRId64 "\n", count);
    printf("%" PRId64 "\n", total);
    return 0;
}
