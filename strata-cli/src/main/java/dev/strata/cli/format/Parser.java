package dev.strata.cli.format;

import dev.strata.cli.format.Node.ActionNode;
import dev.strata.cli.format.Node.BoolNode;
import dev.strata.cli.format.Node.BreakNode;
import dev.strata.cli.format.Node.ChainNode;
import dev.strata.cli.format.Node.CommandNode;
import dev.strata.cli.format.Node.ContinueNode;
import dev.strata.cli.format.Node.DotNode;
import dev.strata.cli.format.Node.ElseNode;
import dev.strata.cli.format.Node.EndNode;
import dev.strata.cli.format.Node.FieldNode;
import dev.strata.cli.format.Node.IdentifierNode;
import dev.strata.cli.format.Node.IfNode;
import dev.strata.cli.format.Node.ListNode;
import dev.strata.cli.format.Node.NilNode;
import dev.strata.cli.format.Node.PipeNode;
import dev.strata.cli.format.Node.RangeNode;
import dev.strata.cli.format.Node.StringNode;
import dev.strata.cli.format.Node.TextNode;
import dev.strata.cli.format.Node.VariableNode;
import dev.strata.cli.format.Node.WithNode;
import dev.strata.cli.format.Token.Kind;
import dev.strata.core.GoQuote;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * A recursive-descent parser for Go's text/template grammar, following text/template/parse so
 * that the same templates are accepted and the same error messages come out.
 */
final class Parser {

    private final List<Token> tokens;
    private final Set<String> functions;
    private final List<String> vars = new ArrayList<>(List.of("$"));
    private int index;
    private int rangeDepth;
    private Token current;

    private Parser(List<Token> tokens, Set<String> functions) {
        this.tokens = tokens;
        this.functions = functions;
    }

    /** Parses {@code text}, checking that every called function is in {@code functions}. */
    static ListNode parse(String text, Set<String> functions) {
        return new Parser(Lexer.lex(text), functions).parseRoot();
    }

    private ListNode parseRoot() {
        List<Node> nodes = new ArrayList<>();
        while (peek().kind() != Kind.EOF) {
            Node n = textOrAction();
            if (n instanceof EndNode || n instanceof ElseNode) {
                throw error("unexpected " + n.describe());
            }
            nodes.add(n);
        }
        return new ListNode(0, nodes);
    }

    private Node textOrAction() {
        Token token = nextNonSpace();
        return switch (token.kind()) {
            case TEXT -> new TextNode(token.pos(), token.text());
            case LEFT_DELIM -> action();
            default -> throw unexpected(token, "input");
        };
    }

    private Node action() {
        Token token = nextNonSpace();
        switch (token.kind()) {
            case BREAK, CONTINUE -> {
                return loopControl(token);
            }
            case ELSE -> {
                return elseControl();
            }
            case END -> {
                return new EndNode(expect(Kind.RIGHT_DELIM, "end").pos());
            }
            case IF -> {
                Control c = control("if");
                return new IfNode(c.pos, c.pipe, c.list, c.elseList);
            }
            case RANGE -> {
                Control c = control("range");
                return new RangeNode(c.pos, c.pipe, c.list, c.elseList);
            }
            case WITH -> {
                Control c = control("with");
                return new WithNode(c.pos, c.pipe, c.list, c.elseList);
            }
            case BLOCK, DEFINE, TEMPLATE -> throw error("{{" + token.text()
                    + "}} is not supported: a --format string is a single template");
            default -> {
                backup();
                int pos = peek().pos();
                return new ActionNode(pos, pipeline("command", Kind.RIGHT_DELIM));
            }
        }
    }

    private Node loopControl(Token keyword) {
        Token token = nextNonSpace();
        if (token.kind() != Kind.RIGHT_DELIM) {
            throw unexpected(token, "{{" + keyword.text() + "}}");
        }
        if (rangeDepth == 0) {
            throw error("{{" + keyword.text() + "}} outside {{range}}");
        }
        return keyword.kind() == Kind.BREAK ? new BreakNode(keyword.pos())
                : new ContinueNode(keyword.pos());
    }

    private Node elseControl() {
        Token peek = peekNonSpace();
        if (peek.kind() == Kind.IF || peek.kind() == Kind.WITH) {
            // "{{else if x}}" is read as "{{else}}{{if x}}"; the if token stays pending.
            return new ElseNode(peek.pos());
        }
        return new ElseNode(expect(Kind.RIGHT_DELIM, "else").pos());
    }

    private record Control(int pos, PipeNode pipe, ListNode list, ListNode elseList) {
    }

    private Control control(String context) {
        int varMark = vars.size();
        try {
            PipeNode pipe = pipeline(context, Kind.RIGHT_DELIM);
            if (context.equals("range")) {
                rangeDepth++;
            }
            ItemList body = itemList();
            if (context.equals("range")) {
                rangeDepth--;
            }
            ListNode elseList = null;
            if (body.next instanceof ElseNode elseNode) {
                elseList = elseBranch(context, elseNode);
            }
            return new Control(pipe.pos(), pipe, body.list, elseList);
        } finally {
            vars.subList(varMark, vars.size()).clear();
        }
    }

    private ListNode elseBranch(String context, ElseNode elseNode) {
        if (context.equals("if") && peek().kind() == Kind.IF) {
            next();
            Control c = control("if");
            return new ListNode(elseNode.pos(),
                    List.of(new IfNode(c.pos, c.pipe, c.list, c.elseList)));
        }
        if (context.equals("with") && peek().kind() == Kind.WITH) {
            next();
            Control c = control("with");
            return new ListNode(elseNode.pos(),
                    List.of(new WithNode(c.pos, c.pipe, c.list, c.elseList)));
        }
        ItemList rest = itemList();
        if (!(rest.next instanceof EndNode)) {
            throw error("expected end; found " + rest.next.describe());
        }
        return rest.list;
    }

    private record ItemList(ListNode list, Node next) {
    }

    private ItemList itemList() {
        int pos = peekNonSpace().pos();
        List<Node> nodes = new ArrayList<>();
        while (peekNonSpace().kind() != Kind.EOF) {
            Node n = textOrAction();
            if (n instanceof EndNode || n instanceof ElseNode) {
                return new ItemList(new ListNode(pos, nodes), n);
            }
            nodes.add(n);
        }
        throw error("unexpected EOF");
    }

    private PipeNode pipeline(String context, Kind end) {
        int pos = peekNonSpace().pos();
        boolean isAssign = false;
        List<VariableNode> decl = new ArrayList<>();
        while (peekNonSpace().kind() == Kind.VARIABLE) {
            int variableIndex = index;
            Token v = next();
            Token following = peekNonSpace();
            if (following.kind() == Kind.ASSIGN || following.kind() == Kind.DECLARE) {
                isAssign = following.kind() == Kind.ASSIGN;
                nextNonSpace();
                decl.add(declare(v));
                break;
            }
            if (following.kind() == Kind.CHAR && following.text().equals(",")) {
                nextNonSpace();
                decl.add(declare(v));
                if (context.equals("range") && decl.size() < 2) {
                    Kind k = peekNonSpace().kind();
                    if (k == Kind.VARIABLE || k == Kind.RIGHT_DELIM || k == Kind.RIGHT_PAREN) {
                        continue;
                    }
                    throw error("range can only initialize variables");
                }
                throw error("too many declarations in " + context);
            }
            // "$x foo": the variable is an operand, not a declaration.
            index = variableIndex;
            break;
        }
        List<CommandNode> cmds = new ArrayList<>();
        while (true) {
            Token token = nextNonSpace();
            if (token.kind() == end) {
                checkPipeline(cmds, context);
                return new PipeNode(pos, isAssign, decl, cmds);
            }
            switch (token.kind()) {
                case BOOL, CHAR_CONSTANT, COMPLEX, DOT, FIELD, IDENTIFIER, NUMBER, NIL, RAW_STRING,
                     STRING, VARIABLE, LEFT_PAREN -> {
                    backup();
                    cmds.add(command());
                }
                default -> throw unexpected(token, context);
            }
        }
    }

    private VariableNode declare(Token v) {
        vars.add(v.text());
        return new VariableNode(v.pos(), Arrays.asList(v.text().split("\\.")));
    }

    private void checkPipeline(List<CommandNode> cmds, String context) {
        if (cmds.isEmpty()) {
            throw error("missing value for " + context);
        }
        for (int i = 1; i < cmds.size(); i++) {
            Node first = cmds.get(i).args().getFirst();
            if (first instanceof BoolNode || first instanceof DotNode || first instanceof NilNode
                    || first instanceof Node.NumberNode || first instanceof StringNode) {
                throw error("non executable command in pipeline stage " + (i + 1));
            }
        }
    }

    private CommandNode command() {
        int pos = peekNonSpace().pos();
        List<Node> args = new ArrayList<>();
        while (true) {
            peekNonSpace();
            Node operand = operand();
            if (operand != null) {
                args.add(operand);
            }
            Token token = next();
            if (token.kind() == Kind.SPACE) {
                continue;
            }
            if (token.kind() == Kind.RIGHT_DELIM || token.kind() == Kind.RIGHT_PAREN) {
                backup();
            } else if (token.kind() != Kind.PIPE) {
                throw unexpected(token, "operand");
            }
            break;
        }
        if (args.isEmpty()) {
            throw error("empty command");
        }
        return new CommandNode(pos, args);
    }

    private Node operand() {
        Node node = term();
        if (node == null || peek().kind() != Kind.FIELD) {
            return node;
        }
        int chainPos = peek().pos();
        List<String> fields = new ArrayList<>();
        while (peek().kind() == Kind.FIELD) {
            fields.add(next().text().substring(1));
        }
        return switch (node) {
            case FieldNode f -> new FieldNode(chainPos, concat(f.ident(), fields));
            case VariableNode v -> new VariableNode(chainPos, concat(v.ident(), fields));
            case BoolNode b -> throw error("unexpected . after term " + GoQuote.quote(b.describe()));
            case StringNode s -> throw error("unexpected . after term " + GoQuote.quote(s.describe()));
            case Node.NumberNode n -> throw error("unexpected . after term "
                    + GoQuote.quote(n.describe()));
            case NilNode n -> throw error("unexpected . after term " + GoQuote.quote(n.describe()));
            case DotNode d -> throw error("unexpected . after term " + GoQuote.quote(d.describe()));
            default -> new ChainNode(chainPos, node, fields);
        };
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private Node term() {
        Token token = nextNonSpace();
        switch (token.kind()) {
            case IDENTIFIER -> {
                if (!functions.contains(token.text())) {
                    throw error("function " + GoQuote.quote(token.text()) + " not defined");
                }
                return new IdentifierNode(token.pos(), token.text());
            }
            case DOT -> {
                return new DotNode(token.pos());
            }
            case NIL -> {
                return new NilNode(token.pos());
            }
            case VARIABLE -> {
                return useVar(token);
            }
            case FIELD -> {
                return new FieldNode(token.pos(), List.of(token.text().substring(1)));
            }
            case BOOL -> {
                return new BoolNode(token.pos(), token.text().equals("true"));
            }
            case CHAR_CONSTANT, COMPLEX, NUMBER -> {
                try {
                    return GoLiterals.number(token.pos(), token.kind(), token.text());
                } catch (IllegalArgumentException e) {
                    throw error(e.getMessage());
                }
            }
            case LEFT_PAREN -> {
                return pipeline("parenthesized pipeline", Kind.RIGHT_PAREN);
            }
            case STRING, RAW_STRING -> {
                try {
                    return new StringNode(token.pos(), token.text(),
                            GoLiterals.unquote(token.text()));
                } catch (IllegalArgumentException e) {
                    throw error(e.getMessage());
                }
            }
            default -> {
                backup();
                return null;
            }
        }
    }

    private Node useVar(Token token) {
        List<String> ident = Arrays.asList(token.text().split("\\.", -1));
        if (!vars.contains(ident.getFirst())) {
            throw error("undefined variable " + GoQuote.quote(ident.getFirst()));
        }
        return new VariableNode(token.pos(), ident);
    }

    private Token expect(Kind kind, String context) {
        Token token = nextNonSpace();
        if (token.kind() != kind) {
            throw unexpected(token, context);
        }
        return token;
    }

    private Token next() {
        Token t = index < tokens.size() ? tokens.get(index) : tokens.getLast();
        index++;
        current = t;
        return t;
    }

    private void backup() {
        index--;
    }

    private Token peek() {
        current = index < tokens.size() ? tokens.get(index) : tokens.getLast();
        return current;
    }

    private Token nextNonSpace() {
        Token t;
        do {
            t = next();
        } while (t.kind() == Kind.SPACE);
        return t;
    }

    private Token peekNonSpace() {
        Token t = nextNonSpace();
        backup();
        return t;
    }

    private TemplateException unexpected(Token token, String context) {
        if (token.kind() == Kind.ERROR) {
            return error(token.text());
        }
        return error("unexpected " + token.describe() + " in " + context);
    }

    private TemplateException error(String message) {
        int line = current == null ? 1 : current.line();
        return new TemplateException("template: :" + line + ": " + message);
    }
}
