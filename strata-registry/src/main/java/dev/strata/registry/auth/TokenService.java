package dev.strata.registry.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.registry.auth.jose.InvalidTokenException;
import java.nio.ByteBuffer;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.FormFields;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * The token endpoint of Docker's token authentication spec, as a Jetty handler that answers every request it is
 * given (mount it at the token path). {@code GET ?service=…&scope=…&offline_token=true} with optional Basic
 * credentials (none: an anonymous token), and the OAuth2 {@code POST} form with {@code grant_type=password}
 * ({@code username}, {@code password}) or {@code grant_type=refresh_token}, {@code access_type=offline} asking for a
 * refresh token. Granted access is requested ∩ {@link Permissions}; nothing permitted is not an error, the token just
 * grants less (the registry then answers {@code insufficient_scope}). Thread-safe.
 */
public final class TokenService extends Handler.Abstract {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TokenIssuer issuer;
    private final Optional<Htpasswd> accounts;
    private final Permissions permissions;
    private final String basicRealm;

    public TokenService(TokenIssuer issuer, Optional<Htpasswd> accounts, Permissions permissions, String basicRealm) {
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.permissions = Objects.requireNonNull(permissions, "permissions");
        this.basicRealm = Objects.requireNonNull(basicRealm, "basicRealm");
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Reply reply = switch (request.getMethod()) {
            case "GET" -> get(request);
            case "POST" -> post(request);
            default -> Reply.error(405, "unsupported", "the token service answers GET and POST");
        };
        response.setStatus(reply.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        if (reply.status() == 401) {
            response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, Challenges.basic(basicRealm));
        }
        response.write(true, ByteBuffer.wrap(bytes(reply.body())), callback);
        return true;
    }

    private Reply get(Request request) {
        Fields query = Request.extractQueryParameters(request);
        Optional<String> wrongService = wrongService(query.getValue("service"));
        if (wrongService.isPresent()) {
            return Reply.error(400, "invalid_request", wrongService.get());
        }
        String authorization = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        Optional<String> account = Optional.empty();
        if (authorization != null) {
            Optional<BasicCredentials> credentials = BasicCredentials.parse(authorization);
            if (credentials.isEmpty() && !BasicCredentials.isBasic(authorization)) {
                return Reply.error(401, "invalid_client", "the token service takes Basic credentials");
            }
            if (credentials.isPresent()) {
                if (!authenticate(credentials.get().user(), credentials.get().password())) {
                    return Reply.error(401, "invalid_grant", "invalid user name or password");
                }
                account = Optional.of(credentials.get().user());
            }
        }
        boolean offline = "true".equalsIgnoreCase(query.getValue("offline_token"));
        return grant(account, values(query, "scope"), offline && account.isPresent());
    }

    private Reply post(Request request) {
        Fields form;
        try {
            form = FormFields.getFields(request);
        } catch (RuntimeException e) {
            return Reply.error(400, "invalid_request",
                    "the token request must be an application/x-www-form-urlencoded form");
        }
        Optional<String> wrongService = wrongService(form.getValue("service"));
        if (wrongService.isPresent()) {
            return Reply.error(400, "invalid_request", wrongService.get());
        }
        String grantType = Objects.requireNonNullElse(form.getValue("grant_type"), "");
        List<String> scopes = values(form, "scope");
        boolean offline = "offline".equals(form.getValue("access_type"));
        return switch (grantType) {
            case "password" -> {
                String user = Objects.requireNonNullElse(form.getValue("username"), "");
                String password = Objects.requireNonNullElse(form.getValue("password"), "");
                if (!authenticate(user, password)) {
                    yield Reply.error(401, "invalid_grant", "invalid user name or password");
                }
                yield grant(Optional.of(user), scopes, offline);
            }
            case "refresh_token" -> {
                try {
                    TokenIssuer.RefreshGrant refresh = issuer.readRefreshToken(
                            Objects.requireNonNullElse(form.getValue("refresh_token"), ""));
                    boolean current = accounts.flatMap(a -> a.entryFingerprint(refresh.subject()))
                            .filter(refresh.fingerprint()::equals).isPresent();
                    if (!current) {
                        yield Reply.error(401, "invalid_grant", "refresh token revoked: log in again");
                    }
                    yield grant(Optional.of(refresh.subject()), scopes, false);
                } catch (InvalidTokenException e) {
                    yield Reply.error(401, "invalid_grant", "invalid refresh token: " + e.getMessage());
                }
            }
            default -> Reply.error(400, "unsupported_grant_type",
                    "grant_type must be password or refresh_token, not \"" + grantType + "\"");
        };
    }

    private Reply grant(Optional<String> account, List<String> scopes, boolean withRefreshToken) {
        List<TokenClaims.AccessEntry> access = TokenRequest.grant(permissions, account, TokenRequest.scopes(scopes));
        TokenIssuer.Issued issued = issuer.issue(account, access);
        ObjectNode body = JSON.createObjectNode();
        body.put("token", issued.token());
        body.put("access_token", issued.token());
        body.put("expires_in", issued.expiresIn().toSeconds());
        body.put("issued_at", DateTimeFormatter.ISO_INSTANT.format(issued.issuedAt()));
        body.put("scope", access.stream()
                .map(e -> e.type() + ":" + e.name() + ":" + String.join(",", e.actions()))
                .collect(Collectors.joining(" ")));
        if (withRefreshToken) {
            account.flatMap(a -> accounts.flatMap(h -> h.entryFingerprint(a)))
                    .ifPresent(fingerprint -> body.put("refresh_token", issuer.refreshToken(account.get(), fingerprint)));
        }
        return new Reply(200, body);
    }

    private boolean authenticate(String user, String password) {
        return accounts.map(a -> a.authenticate(user, password)).orElse(false);
    }

    private Optional<String> wrongService(String service) {
        if (service == null || service.isEmpty() || service.equals(issuer.service())) {
            return Optional.empty();
        }
        return Optional.of("this token service issues tokens for \"" + issuer.service() + "\", not \"" + service + "\"");
    }

    private static List<String> values(Fields fields, String name) {
        return Optional.ofNullable(fields.getValues(name)).orElse(List.of());
    }

    private static byte[] bytes(ObjectNode body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /** A status and JSON body; errors in OAuth2's {@code error}/{@code error_description} and Docker's {@code errors}. */
    private record Reply(int status, ObjectNode body) {
        static Reply error(int status, String error, String description) {
            ObjectNode body = JSON.createObjectNode();
            body.put("error", error);
            body.put("error_description", description);
            ObjectNode docker = body.putArray("errors").addObject();
            docker.put("code", status == 401 ? "UNAUTHORIZED" : "UNSUPPORTED");
            docker.put("message", description);
            return new Reply(status, body);
        }
    }
}
