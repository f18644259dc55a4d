package dev.strata.core.distribution;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.core.StrataException;
import dev.strata.core.oci.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.net.ssl.SSLException;

/**
 * One registry host as an HTTP peer: its base URI (https, or http for an insecure registry that does not speak
 * TLS, found by a ping of {@code /v2/} as Docker does), its {@link Authenticator}, and requests sent with retries
 * (connection failures, 5xx and 429 with their {@code Retry-After}), one re-authentication on 401, and redirects
 * followed without credentials to other hosts. Thread-safe.
 */
final class RegistryHttp {
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    private static final Duration MAX_WAIT = Duration.ofSeconds(30);
    private static final int MAX_REDIRECTS = 5;
    /** How long a registry may take to start answering a request. */
    private static final Duration ANSWER = Duration.ofSeconds(60);
    /**
     * How long the https probe of an insecure registry waits: a plain-HTTP server may never answer a TLS hello
     * (Go's answers at once, others wait for a request line that never comes).
     */
    private static final Duration TLS_PROBE = Duration.ofSeconds(3);

    private final String host;
    private final Transport transport;
    private final Authenticator authenticator;
    private final boolean insecure;
    private volatile URI base;

    RegistryHttp(String host, Transport transport, Authenticator authenticator, boolean insecure) {
        this.host = host;
        this.transport = transport;
        this.authenticator = authenticator;
        this.insecure = insecure;
    }

    String host() {
        return host;
    }

    HttpClient client() {
        return transport.client(!insecure);
    }

    /** A request: method, path or absolute URI, headers, a body made afresh for each attempt (or null). */
    record Call(String method, String target, Map<String, String> headers, Supplier<HttpRequest.BodyPublisher> body,
            List<Scope> scopes, boolean retryable) {
        Call {
            headers = Map.copyOf(headers);
            scopes = List.copyOf(scopes);
        }

        static Call get(String target, List<Scope> scopes, Map<String, String> headers) {
            return new Call("GET", target, headers, null, scopes, true);
        }
    }

    /** Pings {@code /v2/} once (choosing the scheme and learning the challenge); returns the base URI. */
    URI base() {
        URI b = base;
        if (b == null) {
            synchronized (this) {
                if (base == null) {
                    base = ping();
                }
                b = base;
            }
        }
        return b;
    }

    private URI ping() {
        URI https = URI.create("https://" + host + "/v2/");
        try {
            return pingAt(https, !insecure); // an insecure registry may speak plain HTTP: no retries
        } catch (StrataException e) {
            if (!insecure || !(e.getCause() instanceof IOException io) || !isTlsOrConnectFailure(io)) {
                throw e;
            }
        }
        return pingAt(URI.create("http://" + host + "/v2/"), true);
    }

    private static boolean isTlsOrConnectFailure(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SSLException || t instanceof ConnectException || t instanceof HttpTimeoutException) {
                return true;
            }
        }
        return e.getMessage() != null && e.getMessage().contains("SSL");
    }

    private URI pingAt(URI v2, boolean retryable) {
        HttpResponse<InputStream> response = attempt(v2, "GET", Map.of(), null, null, retryable,
                retryable ? ANSWER : TLS_PROBE);
        try (InputStream body = response.body()) {
            body.readNBytes(1 << 16);
        } catch (IOException e) {
            // the ping's body says nothing we need
        }
        if (response.statusCode() == 401) {
            authenticator.challenged(Challenge.parseAll(response.headers().allValues("WWW-Authenticate")));
        } else if (response.statusCode() != 200) {
            throw new RegistryException(response.statusCode(), "", "cannot use registry " + host + ": GET " + v2
                    + " answered " + response.statusCode() + " (is it an OCI distribution registry?)");
        }
        return v2.resolve("/");
    }

    /** Sends a call: retries, re-authenticates once, follows redirects. The caller closes the body. */
    HttpResponse<InputStream> send(Call call) {
        URI uri = base().resolve(call.target());
        boolean reauthenticated = false;
        for (int redirects = 0; ; ) {
            String authorization = uri.getAuthority().equals(base().getAuthority())
                    ? authenticator.header(client(), call.scopes()) : null;
            HttpResponse<InputStream> response = attempt(uri, call.method(), call.headers(), call.body(),
                    authorization, call.retryable(), ANSWER);
            int status = response.statusCode();
            if (status == 401 && !reauthenticated) {
                // a first answer, or an expired token: learn the challenge, fetch a fresh token, try once more
                drain(response);
                authenticator.challenged(Challenge.parseAll(response.headers().allValues("WWW-Authenticate")));
                authenticator.invalidate(call.scopes());
                reauthenticated = true;
                continue;
            }
            if (status >= 300 && status < 400 && status != 304 && (call.method().equals("GET")
                    || call.method().equals("HEAD")) && redirects++ < MAX_REDIRECTS) {
                var location = response.headers().firstValue("Location");
                if (location.isPresent()) {
                    drain(response);
                    uri = uri.resolve(location.get());
                    continue;
                }
            }
            return response;
        }
    }

    /**
     * The client's timeout runs while the body is still being sent, so an upload gets the answer's allowance plus a
     * second per MiB (a link slower than 1 MiB/s is given up on); a streamed body of unknown length gets none.
     */
    static java.util.Optional<Duration> answerTimeout(Duration answer, long bodyLength) {
        if (bodyLength < 0) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(answer.plusSeconds(bodyLength >> 20));
    }

    /** One request with retries for transient failures. */
    private HttpResponse<InputStream> attempt(URI uri, String method, Map<String, String> headers,
            Supplier<HttpRequest.BodyPublisher> body, String authorization, boolean retryable, Duration timeout) {
        int attempts = retryable ? transport.attempts() : 1;
        Duration backoff = FIRST_BACKOFF;
        for (int i = 1; ; i++) {
            HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody() : body.get();
            HttpRequest.Builder b = HttpRequest.newBuilder(uri).method(method, publisher);
            answerTimeout(timeout, publisher.contentLength()).ifPresent(b::timeout);
            headers.forEach(b::header);
            if (authorization != null) {
                b.header("Authorization", authorization);
            }
            try {
                HttpResponse<InputStream> response = client().send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
                int status = response.statusCode();
                boolean transientStatus = status == 429 || status == 502 || status == 503 || status == 504
                        || status == 500;
                if (!transientStatus || i >= attempts) {
                    return response;
                }
                drain(response);
                transport.sleep(retryAfter(response).orElse(backoff));
            } catch (IOException e) {
                if (i >= attempts || e instanceof SSLException) {
                    throw new StrataException(StrataException.Kind.SYSTEM, "cannot reach registry " + host + ": "
                            + method + " " + uri + ": " + describe(e), e);
                }
                transport.sleep(backoff);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StrataException(StrataException.Kind.SYSTEM, "interrupted while talking to " + host, e);
            }
            backoff = backoff.multipliedBy(2);
        }
    }

    private static java.util.Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").map(v -> {
            try {
                return Duration.ofSeconds(Long.parseLong(v.trim()));
            } catch (NumberFormatException e) {
                try {
                    return Duration.between(java.time.Instant.now(),
                            ZonedDateTime.parse(v.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                } catch (RuntimeException e2) {
                    return FIRST_BACKOFF;
                }
            }
        }).map(d -> d.isNegative() ? Duration.ZERO : d.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : d);
    }

    static void drain(HttpResponse<InputStream> response) {
        try (InputStream body = response.body()) {
            body.skip(1 << 16);
        } catch (IOException e) {
            // the connection is not reused then
        }
    }

    /** The registry's error as Docker words it ("manifest unknown: manifest unknown"); closes the body. */
    static RegistryException error(HttpResponse<InputStream> response, String context) {
        byte[] body;
        try (InputStream in = response.body()) {
            body = in.readNBytes(1 << 16);
        } catch (IOException e) {
            body = new byte[0];
        }
        int status = response.statusCode();
        String code = "";
        String text = null;
        try {
            JsonNode errors = Json.tree(body, "registry error").path("errors");
            if (errors.isArray() && !errors.isEmpty()) {
                JsonNode first = errors.get(0);
                code = first.path("code").asText("");
                String message = first.path("message").asText("");
                text = RegistryException.describe(code) + (message.isEmpty() ? "" : ": " + message);
            }
        } catch (StrataException e) {
            // not JSON: the status says it
        }
        if (text == null) {
            text = switch (status) {
                case 401 -> "unauthorized: authentication required";
                case 403 -> "denied: requested access to the resource is denied";
                case 404 -> "not found";
                default -> "unexpected status " + status;
            };
            code = switch (status) {
                case 401 -> "UNAUTHORIZED";
                case 403 -> "DENIED";
                default -> "";
            };
        }
        // Docker shows auth failures bare ("denied: requested access to the resource is denied"); the verb adds the hint
        boolean auth = status == 401 || status == 403;
        return new RegistryException(status, code, context == null || auth ? text : context + ": " + text);
    }

    static String describe(IOException e) {
        if (e instanceof HttpTimeoutException) {
            return "timed out";
        }
        if (e instanceof ConnectException) {
            return "connection refused";
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
