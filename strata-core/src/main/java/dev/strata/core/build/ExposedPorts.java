package dev.strata.core.build;

import dev.strata.core.StrataException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** EXPOSE's port specs as the image config keeps them: {@code 80} is {@code 80/tcp}, a range is every port in it. */
final class ExposedPorts {
    private static final int MAX_RANGE = 65_536;

    private ExposedPorts() {}

    /** {@code 80} → {@code [80/tcp]}; {@code 53/UDP} → {@code [53/udp]}; {@code 8000-8002} → three ports. */
    static List<String> expand(String spec) {
        String port = spec;
        String protocol = "tcp";
        int slash = spec.indexOf('/');
        if (slash >= 0) {
            port = spec.substring(0, slash);
            protocol = spec.substring(slash + 1).toLowerCase(Locale.ROOT);
        }
        if (!protocol.matches("tcp|udp|sctp") || !port.matches("[0-9]+(-[0-9]+)?")) {
            throw new StrataException(StrataException.Kind.INVALID_ARGUMENT, "invalid containerPort: " + spec);
        }
        int dash = port.indexOf('-');
        int first = parse(dash < 0 ? port : port.substring(0, dash), spec);
        int last = dash < 0 ? first : parse(port.substring(dash + 1), spec);
        if (last < first || last - first >= MAX_RANGE) {
            throw new StrataException(StrataException.Kind.INVALID_ARGUMENT, "invalid port range: " + spec);
        }
        List<String> ports = new ArrayList<>();
        for (int p = first; p <= last; p++) {
            ports.add(p + "/" + protocol);
        }
        return ports;
    }

    private static int parse(String digits, String spec) {
        try {
            int value = Integer.parseInt(digits);
            if (value <= 65_535) {
                return value;
            }
        } catch (NumberFormatException e) {
            // too many digits: reported below
        }
        throw new StrataException(StrataException.Kind.INVALID_ARGUMENT, "invalid containerPort: " + spec);
    }
}
