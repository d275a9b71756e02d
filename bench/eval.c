/* eval: the C twin of eval.qs. An expression is a tagged struct; each node
 * is malloc'ed when it is made and freed when it dies (a node dropped by
 * simplify is freed there), as qnano's reference counting does; Var is a
 * shared static node, as qnano's Var allocates nothing. */
#include <stdio.h>
#include <stdlib.h>

enum Kind { VAR, NUM, ADD, MUL, NEG };
struct Expr {
    enum Kind kind;
    long n;
    struct Expr *a, *b;
};
static struct Expr var_node = { VAR, 0, NULL, NULL };

static struct Expr *mk(enum Kind kind, long n, struct Expr *a, struct Expr *b) {
    struct Expr *e = malloc(sizeof *e);
    if (e == NULL) exit(1);
    e->kind = kind;
    e->n = n;
    e->a = a;
    e->b = b;
    return e;
}

static void drop(struct Expr *e) {
    if (e == &var_node) return;
    if (e->kind == ADD || e->kind == MUL) { drop(e->a); drop(e->b); }
    if (e->kind == NEG) drop(e->a);
    free(e);
}

static struct Expr *build(long depth, long seed) {
    if (depth == 0) {
        switch ((seed / 65536) % 6) {
            case 0: case 1: return &var_node;
            case 2: return mk(NUM, 1, NULL, NULL);
            case 3: return mk(NUM, 0, NULL, NULL);
            default: return mk(NUM, seed % 7 + 2, NULL, NULL);
        }
    }
    struct Expr *left = build(depth - 1, (seed * 1103515245 + 12345) % 2147483648);
    struct Expr *right = build(depth - 1, (seed * 69069 + 1) % 2147483648);
    switch ((seed / 65536) % 5) {
        case 0: case 1: return mk(ADD, 0, left, right);
        case 2: return mk(MUL, 0, left, right);
        case 3: return mk(ADD, 0, mk(NEG, 0, left, NULL), right);
        default: return mk(NEG, 0, mk(ADD, 0, left, mk(NEG, 0, right, NULL)), NULL);
    }
}

static int is_num(const struct Expr *e, long n) { return e->kind == NUM && e->n == n; }

/* Takes e (it is freed or reused) and gives the simplified expression. */
static struct Expr *simplify(struct Expr *e) {
    switch (e->kind) {
        case ADD: {
            struct Expr *y = simplify(e->a), *z = simplify(e->b);
            free(e);
            if (is_num(y, 0)) { drop(y); return z; }
            if (is_num(z, 0)) { drop(z); return y; }
            if (y->kind == NUM && z->kind == NUM) { long n = y->n + z->n; drop(y); drop(z); return mk(NUM, n, NULL, NULL); }
            return mk(ADD, 0, y, z);
        }
        case MUL: {
            struct Expr *y = simplify(e->a), *z = simplify(e->b);
            free(e);
            if (is_num(y, 0) || is_num(z, 0)) { drop(y); drop(z); return mk(NUM, 0, NULL, NULL); }
            if (is_num(y, 1)) { drop(y); return z; }
            if (is_num(z, 1)) { drop(z); return y; }
            return mk(MUL, 0, y, z);
        }
        case NEG: {
            struct Expr *y = simplify(e->a);
            free(e);
            if (y->kind == NEG) { struct Expr *inner = y->a; free(y); return inner; }
            if (y->kind == NUM) { long n = -y->n; drop(y); return mk(NUM, n, NULL, NULL); }
            return mk(NEG, 0, y, NULL);
        }
        default: return e;
    }
}

static long eval(const struct Expr *e, long x) {
    switch (e->kind) {
        case VAR: return x;
        case NUM: return e->n;
        case ADD: return (eval(e->a, x) + eval(e->b, x)) & 1048575;
        case MUL: return (eval(e->a, x) * eval(e->b, x)) & 1048575;
        default: return (0 - eval(e->a, x)) & 1048575;
    }
}

static long size(const struct Expr *e) {
    switch (e->kind) {
        case ADD: case MUL: return 1 + size(e->a) + size(e->b);
        case NEG: return 1 + size(e->a);
        default: return 1;
    }
}

int main(void) {
    struct Expr *e = simplify(build(14, 1));
    printf("%ld\n", size(e));
    long sum = 0;
    for (long x = 0; x < 1500; x++) sum += eval(e, x);
    printf("%ld\n", sum);
    drop(e);
    return 0;
}
