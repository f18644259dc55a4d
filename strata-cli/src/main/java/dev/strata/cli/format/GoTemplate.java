package dev.strata.cli.format;

import dev.strata.cli.format.Node.ListNode;
import java.util.Map;

/**
 * A parsed Go text/template with the docker CLI's functions, as {@code --format} uses it.
 *
 * <p>Data is plain Java: a {@code Map<String, ?>} is a Go map or struct (keys are field names,
 * {@code .Repository} looks up "Repository"), a List is a slice, records are structs read by
 * component name, Strings, Numbers and Booleans are Go's basic types, {@code null} is a nil
 * pointer (prints {@code <nil>}), {@link GoNil} is a nil slice or map, and a {@link TemplateMethod}
 * value acts as a method. A missing map key prints {@code <no value>}, as in Go.
 *
 * <p>Instances are immutable and thread-safe; each {@link #execute} call has its own state.
 */
public final class GoTemplate {

    private final String text;
    private final ListNode root;

    private GoTemplate(String text, ListNode root) {
        this.text = text;
        this.root = root;
    }

    /**
     * Parses a template.
     *
     * @throws TemplateException with Go's message, such as
     *     {@code template: :1: unexpected "}" in operand}
     */
    public static GoTemplate parse(String text) {
        return new GoTemplate(text, Parser.parse(text, DockerFunctions.forData().keySet()));
    }

    /**
     * Executes the template against {@code data}.
     *
     * @throws TemplateException when execution fails, such as
     *     {@code template: :1:6: executing "" at <.A.B>: can't evaluate field B in type string}
     */
    public String execute(Object data) {
        StringBuilder out = new StringBuilder();
        executeInto(data, DockerFunctions.forData(), out);
        return out.toString();
    }

    /** Executes with a given function table, leaving partial output in {@code out} on error. */
    void executeInto(Object data, Map<String, TemplateFunction> functions, StringBuilder out) {
        new Executor(text, functions, out).run(root, data);
    }

    /** The template source text. */
    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return "GoTemplate[" + text + "]";
    }
}
