/* closure_calls: 50 million calls through a closure that captured two values
 * (closure_calls.qs in C): a function pointer called with an explicit context
 * struct holding a and b, made by a function that is not inlined, from
 * argc, so that gcc cannot fold the call. sum wraps
 * like Quastra's Int, so it is computed in uint64_t. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

struct closure {
    uint64_t (*code)(struct closure *, uint64_t, uint64_t);
    uint64_t a, b;
};

static uint64_t body(struct closure *env, uint64_t x, uint64_t acc) {
    return (acc ^ x) + env->a * x - env->b;
}

__attribute__((noinline)) static struct closure *make(uint64_t a, uint64_t b) {
    struct closure *c = malloc(sizeof *c);
    c->code = body;
    c->a = a;
    c->b = b;
    return c;
}

int main(int argc, char **argv) {
    (void)argv;
    struct closure *f = make((uint64_t)argc + 2, 7); /* 3: not known to the compiler */
    uint64_t sum = 0;
    for (int64_t i = 0; i < 50000000; i++) sum = f->code(f, i, sum);
    printf("%lld\n", (long long)(int64_t)sum);
    free(f);
    return 0;
}
