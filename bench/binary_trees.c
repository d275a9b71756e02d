/* binary_trees: the C twin of binary_trees.qs (the Benchmarks Game's
 * binary-trees at depth 16). A node is malloc'ed when it is made and freed
 * when its tree dies, as qnano's reference counting does; NULL is the empty
 * tree, as qnano's Empty allocates nothing. */
#include <stdio.h>
#include <stdlib.h>

struct Node {
    struct Node *left;
    struct Node *right;
};

static struct Node *node(struct Node *left, struct Node *right) {
    struct Node *n = malloc(sizeof *n);
    if (n == NULL) exit(1);
    n->left = left;
    n->right = right;
    return n;
}

static struct Node *make(long depth) {
    if (depth == 0) return node(NULL, NULL);
    struct Node *left = make(depth - 1);
    return node(left, make(depth - 1));
}

static long check(const struct Node *t) {
    if (t == NULL) return 0;
    return 1 + check(t->left) + check(t->right);
}

static void drop(struct Node *t) {
    if (t == NULL) return;
    drop(t->left);
    drop(t->right);
    free(t);
}

int main(void) {
    long n = 16, min_depth = 4;
    long max_depth = min_depth + 2 > n ? min_depth + 2 : n;
    struct Node *stretch = make(max_depth + 1);
    printf("%ld\n%ld\n", max_depth + 1, check(stretch));
    drop(stretch);
    struct Node *long_lived = make(max_depth);
    for (long depth = min_depth; depth <= max_depth; depth += 2) {
        long iterations = 1L << (max_depth - depth + min_depth), sum = 0;
        for (long i = 0; i < iterations; i++) {
            struct Node *t = make(depth);
            sum += check(t);
            drop(t);
        }
        printf("%ld\n%ld\n%ld\n", iterations, depth, sum);
    }
    printf("%ld\n%ld\n", max_depth, check(long_lived));
    drop(long_lived);
    return 0;
}
