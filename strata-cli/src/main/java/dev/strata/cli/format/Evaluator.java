package dev.strata.cli.format;

import dev.strata.cli.format.Node.BoolNode;
import dev.strata.cli.format.Node.ChainNode;
import dev.strata.cli.format.Node.CommandNode;
import dev.strata.cli.format.Node.DotNode;
import dev.strata.cli.format.Node.FieldNode;
import dev.strata.cli.format.Node.IdentifierNode;
import dev.strata.cli.format.Node.NilNode;
import dev.strata.cli.format.Node.NumberNode;
import dev.strata.cli.format.Node.PipeNode;
import dev.strata.cli.format.Node.StringNode;
import dev.strata.cli.format.Node.VariableNode;
import dev.strata.cli.format.TemplateFunction.CallException;
import dev.strata.cli.format.TemplateFunction.Param;
import dev.strata.core.GoQuote;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Evaluates the expressions of a template the way Go's exec.go does: pipelines, commands, field
 * chains, variables, function and method calls, and the conversion of arguments to parameter
 * types. It also holds what errors need: the node being evaluated and the template text.
 * One instance serves one execution; it is not thread-safe.
 */
final class Evaluator {

    /** Go's missingVal: "no value was piped into this command", unlike a missing map key. */
    private static final Object NO_FINAL = new Object();

    private final String text;
    private final Map<String, TemplateFunction> functions;
    private final Variables vars = new Variables();
    private Node current;

    Evaluator(String text, Map<String, TemplateFunction> functions) {
        this.text = text;
        this.functions = functions;
    }

    /** Marks the node being executed, for error locations. */
    void at(Node node) {
        current = node;
    }

    Variables variables() {
        return vars;
    }

    /** Evaluates a pipeline, pushing or assigning the variables it declares. */
    Object evalPipeline(Object dot, PipeNode pipe) {
        current = pipe;
        Object value = NO_FINAL;
        for (CommandNode cmd : pipe.cmds()) {
            value = evalCommand(dot, cmd, value);
        }
        for (VariableNode v : pipe.decl()) {
            if (pipe.isAssign()) {
                setVar(v.ident().getFirst(), value);
            } else {
                vars.push(v.ident().getFirst(), value);
            }
        }
        return value;
    }

    // instanceof, not pattern switches, on this everyday path: see Executor.walk
    private Object evalCommand(Object dot, CommandNode cmd, Object fin) {
        Node first = cmd.args().getFirst();
        if (first instanceof FieldNode f) {
            return evalFieldNode(dot, f, cmd.args(), fin);
        } else if (first instanceof ChainNode c) {
            return evalChainNode(dot, c, cmd.args(), fin);
        } else if (first instanceof IdentifierNode id) {
            return evalFunction(dot, id, cmd, cmd.args(), fin);
        } else if (first instanceof PipeNode p) {
            notAFunction(cmd.args(), fin);
            return evalPipeline(dot, p);
        } else if (first instanceof VariableNode v) {
            return evalVariableNode(dot, v, cmd.args(), fin);
        }
        current = first;
        notAFunction(cmd.args(), fin);
        if (first instanceof BoolNode b) {
            return b.value();
        } else if (first instanceof DotNode) {
            return dot;
        } else if (first instanceof NilNode) {
            throw error("nil is not a command");
        } else if (first instanceof NumberNode n) {
            return idealConstant(n);
        } else if (first instanceof StringNode s) {
            return s.text();
        }
        throw error("can't evaluate command " + GoQuote.quote(first.describe()));
    }

    private void notAFunction(List<Node> args, Object fin) {
        if (args.size() > 1 || fin != NO_FINAL) {
            throw error("can't give argument to non-function " + args.getFirst().describe());
        }
    }

    private Object idealConstant(NumberNode n) {
        current = n;
        String t = n.text();
        boolean hexInt = t.length() > 2 && t.charAt(0) == '0'
                && (t.charAt(1) == 'x' || t.charAt(1) == 'X') && !t.matches(".*[pP].*");
        boolean runeInt = t.startsWith("'");
        if (n.isFloat() && !hexInt && !runeInt && t.matches(".*[.eEpP].*")) {
            return n.floatValue();
        }
        if (n.isInt()) {
            return n.intValue();
        }
        throw error(t + " overflows int");
    }

    private Object evalFieldNode(Object dot, FieldNode field, List<Node> args, Object fin) {
        current = field;
        return evalFieldChain(dot, dot, field, field.ident(), args, fin);
    }

    private Object evalChainNode(Object dot, ChainNode chain, List<Node> args, Object fin) {
        current = chain;
        if (chain.node() instanceof NilNode) {
            throw error("indirection through explicit nil in " + chain.describe());
        }
        Object pipe = evalArg(dot, Param.ANY_RAW, chain.node());
        return evalFieldChain(dot, pipe, chain, chain.fields(), args, fin);
    }

    private Object evalVariableNode(Object dot, VariableNode v, List<Node> args, Object fin) {
        current = v;
        Object value = varValue(v.ident().getFirst());
        if (v.ident().size() == 1) {
            notAFunction(args, fin);
            return value;
        }
        return evalFieldChain(dot, value, v, v.ident().subList(1, v.ident().size()), args, fin);
    }

    private Object evalFieldChain(Object dot, Object receiver, Node node, List<String> ident,
            List<Node> args, Object fin) {
        int n = ident.size();
        for (int i = 0; i < n - 1; i++) {
            receiver = evalField(dot, ident.get(i), node, List.of(), NO_FINAL, receiver);
        }
        return evalField(dot, ident.get(n - 1), node, args, fin, receiver);
    }

    private Object evalField(Object dot, String name, Node node, List<Node> args, Object fin,
            Object receiver) {
        if (receiver == Missing.VALUE) {
            return Missing.VALUE;
        }
        if (receiver == null) {
            throw error("nil pointer evaluating interface {}." + name);
        }
        boolean hasArgs = args.size() > 1 || fin != NO_FINAL;
        if (receiver instanceof Map<?, ?> map) {
            Object value = map.containsKey(name) ? map.get(name) : Missing.VALUE;
            if (value instanceof TemplateMethod method) {
                return evalCall(dot, methodFunction(method), node, name, rest(args), fin);
            }
            if (hasArgs) {
                throw error(name + " is not a method but has arguments");
            }
            return value;
        }
        if (receiver == GoNil.MAP) {
            if (hasArgs) {
                throw error(name + " is not a method but has arguments");
            }
            return Missing.VALUE;
        }
        if (receiver instanceof Record r) {
            RecordComponent c = Records.find(r, name);
            if (c != null) {
                if (hasArgs) {
                    throw error(name + " has arguments but cannot be invoked as function");
                }
                return Records.component(r, c);
            }
        }
        throw error("can't evaluate field " + name + " in type " + GoValues.typeName(receiver));
    }

    private static TemplateFunction methodFunction(TemplateMethod method) {
        return TemplateFunction.variadic(args -> {
            try {
                return method.invoke(args);
            } catch (IllegalArgumentException e) {
                throw new CallException(e.getMessage());
            }
        }, Param.ANY);
    }

    private static List<Node> rest(List<Node> args) {
        return args.isEmpty() ? args : args.subList(1, args.size());
    }

    private Object evalFunction(Object dot, IdentifierNode id, Node cmd, List<Node> args,
            Object fin) {
        current = id;
        TemplateFunction function = functions.get(id.ident());
        if (function == null) {
            throw error(GoQuote.quote(id.ident()) + " is not a defined function");
        }
        return evalCall(dot, function, cmd, id.ident(), rest(args), fin);
    }

    /** Calls a function with argument nodes {@code args} and the piped value {@code fin}. */
    private Object evalCall(Object dot, TemplateFunction fn, Node node, String name,
            List<Node> args, Object fin) {
        int numIn = args.size() + (fin != NO_FINAL ? 1 : 0);
        int numFixed = fn.params().size();
        if (fn.variadic() != null) {
            if (numIn < numFixed) {
                throw error("wrong number of args for " + name + ": want at least " + numFixed
                        + " got " + args.size());
            }
        } else if (numIn != numFixed) {
            throw error("wrong number of args for " + name + ": want " + numFixed + " got " + numIn);
        }
        if (functions.get(name) == fn && (name.equals("and") || name.equals("or"))) {
            return shortCircuit(dot, name.equals("or"), args, fin);
        }
        List<Object> argv = new ArrayList<>(numIn);
        for (int i = 0; i < args.size(); i++) {
            argv.add(evalArg(dot, paramAt(fn, i), args.get(i)));
        }
        if (fin != NO_FINAL) {
            argv.add(validateType(fin, paramAt(fn, numIn - 1)));
        }
        try {
            return fn.body().apply(argv);
        } catch (CallException e) {
            current = node;
            throw error("error calling " + name + ": " + e.getMessage());
        }
    }

    private Object shortCircuit(Object dot, boolean isOr, List<Node> args, Object fin) {
        Object v = Missing.VALUE;
        for (Node arg : args) {
            v = evalArg(dot, Param.VALUE, arg);
            if (GoValues.isTrue(v) == isOr) {
                return v;
            }
        }
        return fin != NO_FINAL ? fin : v;
    }

    private static Param paramAt(TemplateFunction fn, int i) {
        return i < fn.params().size() ? fn.params().get(i) : fn.variadic();
    }

    private Object evalArg(Object dot, Param type, Node n) {
        current = n;
        switch (n) {
            case DotNode d -> {
                return validateType(dot, type);
            }
            case NilNode nil -> {
                return switch (type) {
                    case ANY, ANY_RAW -> null;
                    case VALUE -> Missing.VALUE;
                    case STRING_LIST -> GoNil.SLICE;
                    default -> throw error("cannot assign nil to " + type.goName());
                };
            }
            case FieldNode f -> {
                return validateType(evalFieldNode(dot, f, List.of(n), NO_FINAL), type);
            }
            case VariableNode v -> {
                return validateType(evalVariableNode(dot, v, List.of(), NO_FINAL), type);
            }
            case PipeNode p -> {
                return validateType(evalPipeline(dot, p), type);
            }
            case IdentifierNode id -> {
                return validateType(evalFunction(dot, id, id, List.of(), NO_FINAL), type);
            }
            case ChainNode c -> {
                return validateType(evalChainNode(dot, c, List.of(), NO_FINAL), type);
            }
            default -> {
            }
        }
        return switch (type) {
            case STRING -> {
                if (n instanceof StringNode s) {
                    yield s.text();
                }
                throw error("expected string; found " + n.describe());
            }
            case INT -> {
                if (n instanceof NumberNode num && num.isInt()) {
                    yield num.intValue();
                }
                throw error("expected integer; found " + n.describe());
            }
            case STRING_LIST -> throw error("can't handle " + n.describe()
                    + " for arg of type []string");
            case ANY, ANY_RAW, VALUE -> evalLiteral(n);
        };
    }

    private Object evalLiteral(Node n) {
        current = n;
        return switch (n) {
            case BoolNode b -> b.value();
            case NumberNode num -> idealConstant(num);
            case StringNode s -> s.text();
            default -> throw error("can't handle assignment of " + n.describe()
                    + " to empty interface argument");
        };
    }

    /** Go's validateType: converts a value for a parameter, or fails like Go does. */
    private Object validateType(Object value, Param type) {
        try {
            return type.accept(value);
        } catch (IllegalArgumentException e) {
            throw error(e.getMessage());
        }
    }

    private Object varValue(String name) {
        try {
            return vars.get(name);
        } catch (IllegalArgumentException e) {
            throw error(e.getMessage());
        }
    }

    void setVar(String name, Object value) {
        try {
            vars.set(name, value);
        } catch (IllegalArgumentException e) {
            throw error(e.getMessage());
        }
    }

    /** An execution error located like Go's: {@code template: :LINE:COL: executing "" at <...>}. */
    TemplateException error(String message) {
        if (current == null) {
            return new TemplateException("template: : " + message);
        }
        int pos = Math.min(current.pos(), text.length());
        String before = text.substring(0, pos);
        int lastNewline = before.lastIndexOf('\n');
        int line = 1 + (int) before.chars().filter(c -> c == '\n').count();
        int column = before.substring(lastNewline + 1).getBytes(StandardCharsets.UTF_8).length;
        return new TemplateException("template: :" + line + ":" + column + ": executing \"\" at <"
                + current.describe() + ">: " + message);
    }
}
