package dev.strata.registry.api;

import dev.strata.registry.auth.Authorizer;
import dev.strata.registry.spec.RegistryException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * One request and its response, with the helpers every endpoint uses: headers, query parameters, bodies and the
 * spec's error JSON. It remembers what the access log needs (status, bytes, subject). Used by one thread.
 */
final class Exchange {
    static final String JSON = "application/json";

    final Request request;
    final Response response;
    final Callback callback;
    final String method;
    private Fields query;
    private String subject = "-";
    private long bytes;
    private boolean sent;

    Exchange(Request request, Response response, Callback callback) {
        this.request = request;
        this.response = response;
        this.callback = callback;
        this.method = request.getMethod();
    }

    boolean isHead() {
        return HttpMethod.HEAD.is(method);
    }

    String header(String name) {
        return request.getHeaders().get(name);
    }

    List<String> headerValues(HttpHeader name) {
        return request.getHeaders().getValuesList(name);
    }

    String query(String name) {
        Fields.Field field = fields().get(name);
        return field == null ? null : field.getValue();
    }

    List<String> queryValues(String name) {
        Fields.Field field = fields().get(name);
        return field == null ? List.of() : field.getValues();
    }

    private Fields fields() {
        if (query == null) {
            query = request.getHttpURI().getQuery() == null ? Fields.EMPTY : Request.extractQueryParameters(request);
        }
        return query;
    }

    void setHeader(String name, String value) {
        response.getHeaders().put(name, value);
    }

    void addHeader(String name, String value) {
        response.getHeaders().add(name, value);
    }

    void subject(String subject) {
        this.subject = subject;
    }

    String subject() {
        return subject;
    }

    long bytes() {
        return bytes;
    }

    boolean sent() {
        return sent;
    }

    /** Sends a body (or, for HEAD, only its headers). */
    void send(int status, String contentType, ByteBuffer body) {
        sent = true;
        response.setStatus(status);
        if (contentType != null) {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        }
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.remaining());
        if (isHead()) {
            response.write(true, BufferUtil.EMPTY_BUFFER, callback);
        } else {
            bytes = body.remaining();
            response.write(true, body, callback);
        }
    }

    /**
     * Sends {@code length} bytes of {@code file} from {@code offset}, read as the connection takes them: for blobs
     * too big to keep mapped (a mapping cannot pass 2 GiB, and one per request would hold address space until a GC).
     */
    void sendFile(int status, String contentType, java.nio.file.Path file, long offset, long length) {
        sent = true;
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, length);
        bytes = length;
        org.eclipse.jetty.io.Content.copy(org.eclipse.jetty.io.Content.Source.from(file, offset, length), response,
                callback);
    }

    void send(int status, String contentType, byte[] body) {
        send(status, contentType, ByteBuffer.wrap(body));
    }

    /** Answers a HEAD request: the headers a GET would have, {@code length} included, and no body. */
    void sendHeaders(int status, String contentType, long length) {
        sent = true;
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, length);
        response.write(true, BufferUtil.EMPTY_BUFFER, callback);
    }

    /** Sends a status without a body. */
    void sendEmpty(int status) {
        sent = true;
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, 0);
        response.write(true, BufferUtil.EMPTY_BUFFER, callback);
    }

    void sendError(RegistryException e) {
        sendError(e.status(), e.code().name(), e.getMessage());
    }

    void sendError(int status, String code, String message) {
        if (sent) {
            return;
        }
        response.getHeaders().remove(HttpHeader.CONTENT_RANGE);
        send(status, JSON, JsonBodies.error(code, message));
    }

    void sendDenied(Authorizer.Decision.Denied denied) {
        denied.challenge().ifPresent(c -> setHeader("WWW-Authenticate", c));
        sendError(denied.status(), denied.code(), denied.message());
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The path and query of a "next page" link, as the spec's RFC 5988 {@code Link} header wants it. */
    static String nextLink(String path, int n, String last) {
        return "<" + path + "?n=" + n + "&last=" + java.net.URLEncoder.encode(last, StandardCharsets.UTF_8) + ">; rel=\"next\"";
    }

    static List<String> page(List<String> sorted, String last, Integer n) {
        List<String> page = new ArrayList<>();
        for (String item : sorted) {
            if (last != null && item.compareTo(last) <= 0) {
                continue;
            }
            if (n != null && page.size() >= n) {
                break;
            }
            page.add(item);
        }
        return page;
    }
}
