/* matrix: the C twin of matrix.qs, with malloc'ed int64_t arrays (freed at the
 * end). check wraps like Quastra's Int, so it is computed in uint64_t. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

int main(void) {
    int64_t n = 500;
    int64_t *a = malloc(n * n * sizeof *a);
    int64_t *b = malloc(n * n * sizeof *b);
    int64_t *c = malloc(n * n * sizeof *c);
    if (a == NULL || b == NULL || c == NULL) return 1;
    for (int64_t k = 0; k < n * n; k++) a[k] = b[k] = c[k] = 0;
    for (int64_t i = 0; i < n; i++) {
        for (int64_t j = 0; j < n; j++) {
            a[i * n + j] = (i * 7 + j * 3) % 10;
            b[i * n + j] = (i * 5 + j * 11 + 1) % 10;
        }
    }
    for (int64_t i = 0; i < n; i++) {
        for (int64_t j = 0; j < n; j++) {
            int64_t s = 0;
            for (int64_t k = 0; k < n; k++) s += a[i * n + k] * b[k * n + j];
            c[i * n + j] = s;
        }
    }
    int64_t sum = 0;
    uint64_t check = 0;
    for (int64_t k = 0; k < n * n; k++) {
        sum += c[k];
        check = check * 31 + (uint64_t)c[k];
    }
    printf("%" PRId64 "\n", sum);
    printf("%" PRId64 "\n", (int64_t)check);
    free(a);
    free(b);
    free(c);
    return 0;
}
