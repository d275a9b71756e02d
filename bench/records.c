/* records: the C twin of records.qs. Every record is malloc'ed when it is made
 * and freed when it dies, as qnano's reference counting does. sum wraps like
 * Quastra's Int, so it is computed in uint64_t. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

struct Point {
    int64_t x;
    int64_t y;
};

static struct Point *point(int64_t x, int64_t y) {
    struct Point *p = malloc(sizeof *p);
    if (p == NULL) exit(1);
    p->x = x;
    p->y = y;
    return p;
}

static struct Point *combine(const struct Point *acc, const struct Point *p) {
    return point((acc->x + p->y) & 1048575, (acc->y * 3 + p->x) & 1048575);
}

int main(void) {
    struct Point *acc = point(1, 2);
    uint64_t sum = 0;
    for (int64_t i = 0; i < 15000000; i++) {
        struct Point *p = point(i, i + 1);
        struct Point *next = combine(acc, p);
        free(p);
        free(acc);
        acc = next;
        sum = sum + (uint64_t)acc->x + (uint64_t)acc->y;
    }
    printf("%" PRId64 "\n", (int64_t)sum);
    printf("%" PRId64 "\n", acc->x);
    printf("%" PRId64 "\n", acc->y);
    free(acc);
    return 0;
}
