package dev.strata.cli.format;

import dev.strata.cli.format.Node.ActionNode;
import dev.strata.cli.format.Node.BreakNode;
import dev.strata.cli.format.Node.ContinueNode;
import dev.strata.cli.format.Node.IfNode;
import dev.strata.cli.format.Node.ListNode;
import dev.strata.cli.format.Node.PipeNode;
import dev.strata.cli.format.Node.RangeNode;
import dev.strata.cli.format.Node.TextNode;
import dev.strata.cli.format.Node.VariableNode;
import dev.strata.cli.format.Node.WithNode;
import java.util.List;
import java.util.Map;

/**
 * Executes a parsed template against data, following Go's text/template exec.go: it walks text,
 * actions, if, with and range, and leaves expressions to an {@link Evaluator}.
 * One instance runs one execution; it is not thread-safe.
 */
final class Executor {

    private enum Flow { NORMAL, BREAK, CONTINUE }

    private final Evaluator eval;
    private final Variables vars;
    private final StringBuilder out;

    Executor(String text, Map<String, TemplateFunction> functions, StringBuilder out) {
        this.eval = new Evaluator(text, functions);
        this.vars = eval.variables();
        this.out = out;
    }

    /** Runs the template; output written before an error stays in {@code out}. */
    void run(ListNode root, Object data) {
        vars.push("$", data);
        walk(data, root);
    }

    // The node kinds are told apart with instanceof rather than a pattern switch: each pattern switch generates a
    // class at its first use, which the ahead-of-time cache cannot keep, and every `images` start would pay for it.
    private Flow walk(Object dot, Node node) {
        eval.at(node);
        if (node instanceof TextNode t) {
            out.append(t.text());
        } else if (node instanceof ActionNode a) {
            Object value = eval.evalPipeline(dot, a.pipe());
            if (a.pipe().decl().isEmpty()) {
                printValue(a, value);
            }
        } else if (node instanceof ListNode l) {
            for (Node child : l.nodes()) {
                Flow flow = walk(dot, child);
                if (flow != Flow.NORMAL) {
                    return flow;
                }
            }
        } else if (node instanceof IfNode n) {
            return walkIfOrWith(false, dot, n.pipe(), n.list(), n.elseList());
        } else if (node instanceof WithNode n) {
            return walkIfOrWith(true, dot, n.pipe(), n.list(), n.elseList());
        } else if (node instanceof RangeNode r) {
            return walkRange(dot, r);
        } else if (node instanceof BreakNode) {
            return Flow.BREAK;
        } else if (node instanceof ContinueNode) {
            return Flow.CONTINUE;
        } else {
            throw eval.error("unknown node: " + node.describe());
        }
        return Flow.NORMAL;
    }

    private Flow walkIfOrWith(boolean with, Object dot, PipeNode pipe, ListNode list,
            ListNode elseList) {
        int mark = vars.mark();
        try {
            Object value = eval.evalPipeline(dot, pipe);
            if (GoValues.isTrue(value)) {
                return walk(with ? value : dot, list);
            }
            return elseList == null ? Flow.NORMAL : walk(dot, elseList);
        } finally {
            vars.pop(mark);
        }
    }

    private Flow walkRange(Object dot, RangeNode r) {
        eval.at(r);
        int outerMark = vars.mark();
        try {
            Object value = eval.evalPipeline(dot, r.pipe());
            int mark = vars.mark();
            boolean ran = switch (GoValues.kind(value)) {
                case SLICE -> rangeSlice(r, GoValues.elements(value), mark);
                case MAP -> rangeMap(r, value, mark);
                case INT -> rangeInt(r, value, mark);
                case INVALID -> false;
                default -> throw eval.error("range can't iterate over " + GoFmt.value(value));
            };
            if (!ran && r.elseList() != null) {
                return walk(dot, r.elseList());
            }
            return Flow.NORMAL;
        } finally {
            vars.pop(outerMark);
        }
    }

    private boolean rangeSlice(RangeNode r, List<?> elements, int mark) {
        for (int i = 0; i < elements.size(); i++) {
            if (oneIteration(r, (long) i, elements.get(i), mark) == Flow.BREAK) {
                break;
            }
        }
        return !elements.isEmpty();
    }

    private boolean rangeMap(RangeNode r, Object map, int mark) {
        List<Map.Entry<?, ?>> entries = GoValues.sortedEntries(map);
        for (Map.Entry<?, ?> e : entries) {
            if (oneIteration(r, e.getKey(), e.getValue(), mark) == Flow.BREAK) {
                break;
            }
        }
        return !entries.isEmpty();
    }

    private boolean rangeInt(RangeNode r, Object n, int mark) {
        if (r.pipe().decl().size() > 1) {
            throw eval.error("can't use " + GoFmt.value(n) + " to iterate over more than one variable");
        }
        long count = GoValues.toLong(n);
        for (long i = 0; i < count; i++) {
            if (oneIteration(r, Missing.VALUE, i, mark) == Flow.BREAK) {
                break;
            }
        }
        return count > 0;
    }

    private Flow oneIteration(RangeNode r, Object index, Object element, int mark) {
        List<VariableNode> decl = r.pipe().decl();
        if (r.pipe().isAssign()) {
            if (decl.size() > 1) {
                eval.setVar(decl.get(0).ident().getFirst(), index);
                eval.setVar(decl.get(1).ident().getFirst(), element);
            } else if (decl.size() == 1) {
                eval.setVar(decl.getFirst().ident().getFirst(), element);
            }
        } else {
            if (!decl.isEmpty()) {
                vars.setTop(1, element);
            }
            if (decl.size() > 1) {
                vars.setTop(2, index);
            }
        }
        try {
            Flow flow = walk(element, r.list());
            return flow == Flow.BREAK ? Flow.BREAK : Flow.NORMAL;
        } finally {
            vars.pop(mark);
        }
    }

    private void printValue(Node node, Object value) {
        eval.at(node);
        if (value == Missing.VALUE) {
            out.append("<no value>");
            return;
        }
        if (value instanceof TemplateMethod) {
            throw eval.error("can't print " + node.describe() + " of type " + GoValues.typeName(value));
        }
        out.append(GoFmt.value(value));
    }

}
