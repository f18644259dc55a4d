package dev.strata.cli.format;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;

/** Reads record components by reflection, so records can serve as template data (Go structs). */
final class Records {

    private Records() {
    }

    /** The component named {@code name}, or null when the record has none. */
    static RecordComponent find(Record r, String name) {
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            if (c.getName().equals(name)) {
                return c;
            }
        }
        return null;
    }

    /** The value of one component of a record. */
    static Object component(Record r, RecordComponent c) {
        Method accessor = c.getAccessor();
        try {
            accessor.setAccessible(true);
            return accessor.invoke(r);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read record component " + c.getName(), e);
        }
    }
}
