package dev.strata.cli.format;

import java.util.ArrayList;
import java.util.List;

/**
 * The variable stack of one template execution, as in Go's exec.go: declarations push, control
 * structures pop back to a mark at their end, and assignment changes the innermost variable of
 * that name.
 */
final class Variables {

    private record Variable(String name, Object value) {
    }

    private final List<Variable> stack = new ArrayList<>();

    void push(String name, Object value) {
        stack.add(new Variable(name, value));
    }

    int mark() {
        return stack.size();
    }

    void pop(int mark) {
        stack.subList(mark, stack.size()).clear();
    }

    /** The value of the innermost variable called {@code name}; throws when there is none. */
    Object get(String name) {
        return stack.get(indexOf(name)).value();
    }

    /** Assigns the innermost variable called {@code name}. */
    void set(String name, Object value) {
        stack.set(indexOf(name), new Variable(name, value));
    }

    /** Overwrites the n-th variable from the top, which range uses for its loop variables. */
    void setTop(int n, Object value) {
        int i = stack.size() - n;
        stack.set(i, new Variable(stack.get(i).name(), value));
    }

    private int indexOf(String name) {
        for (int i = stack.size() - 1; i >= 0; i--) {
            if (stack.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("undefined variable: " + name);
    }
}
