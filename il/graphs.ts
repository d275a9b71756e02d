// A graph algorithm that knows no IL: the strongly connected components of a
// directed graph (Tarjan's algorithm), for whatever needs to know what is on a
// cycle: calls that recurse (passes/inline-calls.ts), generic items that would
// need ever larger instances of one another (front-end/instantiation.ts).

/**
 * The strongly connected components of the graph of `nodes` and `successors`,
 * each a list of nodes, a node's successors' components before its own (so, in
 * a call graph, callees before their callers). Iterative, on a stack of its own:
 * a path may be longer than JavaScript's stack.
 */
export function stronglyConnected<N>(nodes: Iterable<N>, successors: (node: N) => Iterable<N>): N[][] {
  const [index, low, onStack] = [new Map<N, number>(), new Map<N, number>(), new Set<N>()];
  const [stack, result, work] = [[] as N[], [] as N[][], [] as { node: N; next: Iterator<N> }[]];
  const visit = (node: N) => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    onStack.add(node);
    work.push({ node, next: successors(node)[Symbol.iterator]() });
  };
  for (const root of nodes) {
    if (!index.has(root)) visit(root);
    for (let top = work.at(-1); top !== undefined; top = work.at(-1)) {
      const step = top.next.next();
      if (!step.done) {
        if (!index.has(step.value)) visit(step.value);
        else if (onStack.has(step.value)) low.set(top.node, Math.min(low.get(top.node)!, index.get(step.value)!));
        continue;
      }
      work.pop();
      const parent = work.at(-1);
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(top.node)!));
      if (low.get(top.node) !== index.get(top.node)) continue;
      const component = stack.splice(stack.lastIndexOf(top.node));
      component.forEach((n) => onStack.delete(n));
      result.push(component);
    }
  }
  return result;
}
