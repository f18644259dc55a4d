package dev.strata.cli.format;

import java.util.AbstractMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One table row as the templates see it: the fields of the row, which marshal to JSON the way
 * Docker's row contexts do (json.Marshal: keys sorted, HTML characters escaped, methods that need
 * arguments left out).
 */
final class RowContext extends AbstractMap<String, Object> implements JsonMarshaler {

    private final Map<String, ?> fields;

    RowContext(Map<String, ?> fields) {
        this.fields = fields;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        @SuppressWarnings("unchecked")
        Set<Entry<String, Object>> entries = (Set<Entry<String, Object>>) (Set<?>) fields.entrySet();
        return entries;
    }

    @Override
    public boolean containsKey(Object key) {
        return fields.containsKey(key);
    }

    @Override
    public Object get(Object key) {
        return fields.get(key);
    }

    @Override
    public String toJson() {
        Map<String, Object> data = new LinkedHashMap<>();
        fields.forEach((k, v) -> {
            if (v instanceof Lazy lazy) {
                data.put(k, lazy.supplier().get());
            } else if (!(v instanceof TemplateMethod)) {
                data.put(k, v);
            }
        });
        return GoJson.encode(data, true);
    }
}
