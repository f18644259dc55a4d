package dev.strata.cli.format;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A node of a parsed template, mirroring Go's text/template/parse tree. {@link #pos()} is the
 * offset in the template text and {@link #describe()} is Go's {@code String()} form, both used in
 * execution errors such as {@code template: :1:2: executing "" at <.A.B>: ...}.
 */
sealed interface Node {

    int pos();

    String describe();

    /** A sequence of nodes. */
    record ListNode(int pos, List<Node> nodes) implements Node {
        public ListNode {
            nodes = List.copyOf(nodes);
        }

        @Override
        public String describe() {
            return nodes.stream().map(Node::describe).collect(Collectors.joining());
        }
    }

    /** Literal text between actions. */
    record TextNode(int pos, String text) implements Node {
        @Override
        public String describe() {
            return text;
        }
    }

    /** An action that prints its pipeline, unless the pipeline declares variables. */
    record ActionNode(int pos, PipeNode pipe) implements Node {
        @Override
        public String describe() {
            return "{{" + pipe.describe() + "}}";
        }
    }

    /** {@code {{if}}}; an {@code else if} chain is an IfNode inside the else list. */
    record IfNode(int pos, PipeNode pipe, ListNode list, ListNode elseList) implements Node {
        @Override
        public String describe() {
            return Node.control("if", pipe, list, elseList);
        }
    }

    /** {@code {{with}}}, which sets dot to its pipeline's value. */
    record WithNode(int pos, PipeNode pipe, ListNode list, ListNode elseList) implements Node {
        @Override
        public String describe() {
            return Node.control("with", pipe, list, elseList);
        }
    }

    /** {@code {{range}}}. */
    record RangeNode(int pos, PipeNode pipe, ListNode list, ListNode elseList) implements Node {
        @Override
        public String describe() {
            return Node.control("range", pipe, list, elseList);
        }
    }

    /** {@code {{break}}} inside a range. */
    record BreakNode(int pos) implements Node {
        @Override
        public String describe() {
            return "{{break}}";
        }
    }

    /** {@code {{continue}}} inside a range. */
    record ContinueNode(int pos) implements Node {
        @Override
        public String describe() {
            return "{{continue}}";
        }
    }

    /** {@code {{end}}}, only seen while parsing. */
    record EndNode(int pos) implements Node {
        @Override
        public String describe() {
            return "{{end}}";
        }
    }

    /** {@code {{else}}}, only seen while parsing. */
    record ElseNode(int pos) implements Node {
        @Override
        public String describe() {
            return "{{else}}";
        }
    }

    /** Commands joined by {@code |}, optionally declaring or assigning variables. */
    record PipeNode(int pos, boolean isAssign, List<VariableNode> decl, List<CommandNode> cmds)
            implements Node {
        public PipeNode {
            decl = List.copyOf(decl);
            cmds = List.copyOf(cmds);
        }

        @Override
        public String describe() {
            StringBuilder b = new StringBuilder();
            if (!decl.isEmpty()) {
                b.append(decl.stream().map(Node::describe).collect(Collectors.joining(", ")));
                b.append(isAssign ? " = " : " := ");
            }
            return b.append(cmds.stream().map(Node::describe).collect(Collectors.joining(" | ")))
                    .toString();
        }
    }

    /** A function, method or value followed by its arguments. */
    record CommandNode(int pos, List<Node> args) implements Node {
        public CommandNode {
            args = List.copyOf(args);
        }

        @Override
        public String describe() {
            return args.stream()
                    .map(a -> a instanceof PipeNode ? "(" + a.describe() + ")" : a.describe())
                    .collect(Collectors.joining(" "));
        }
    }

    /** {@code .A.B}: ident holds {@code [A, B]}. */
    record FieldNode(int pos, List<String> ident) implements Node {
        public FieldNode {
            ident = List.copyOf(ident);
        }

        @Override
        public String describe() {
            return ident.stream().map(s -> "." + s).collect(Collectors.joining());
        }
    }

    /** {@code $x.A}: ident holds {@code [$x, A]}. */
    record VariableNode(int pos, List<String> ident) implements Node {
        public VariableNode {
            ident = List.copyOf(ident);
        }

        @Override
        public String describe() {
            return String.join(".", ident);
        }
    }

    /** A term followed by fields, such as {@code (index .X 0).Name}. */
    record ChainNode(int pos, Node node, List<String> fields) implements Node {
        public ChainNode {
            fields = List.copyOf(fields);
        }

        @Override
        public String describe() {
            String head = node instanceof PipeNode ? "(" + node.describe() + ")" : node.describe();
            return head + fields.stream().map(s -> "." + s).collect(Collectors.joining());
        }
    }

    /** A function name. */
    record IdentifierNode(int pos, String ident) implements Node {
        @Override
        public String describe() {
            return ident;
        }
    }

    /** {@code .}, the cursor. */
    record DotNode(int pos) implements Node {
        @Override
        public String describe() {
            return ".";
        }
    }

    /** The untyped {@code nil}. */
    record NilNode(int pos) implements Node {
        @Override
        public String describe() {
            return "nil";
        }
    }

    /** {@code true} or {@code false}. */
    record BoolNode(int pos, boolean value) implements Node {
        @Override
        public String describe() {
            return Boolean.toString(value);
        }
    }

    /** A numeric or character constant and the forms it can take. */
    record NumberNode(int pos, String text, boolean isInt, long intValue, boolean isFloat,
            double floatValue) implements Node {
        @Override
        public String describe() {
            return text;
        }
    }

    /** A string constant: its source form and its value. */
    record StringNode(int pos, String quoted, String text) implements Node {
        @Override
        public String describe() {
            return quoted;
        }
    }

    private static String control(String name, PipeNode pipe, ListNode list, ListNode elseList) {
        String head = "{{" + name + " " + pipe.describe() + "}}" + list.describe();
        return elseList == null ? head + "{{end}}"
                : head + "{{else}}" + elseList.describe() + "{{end}}";
    }
}
