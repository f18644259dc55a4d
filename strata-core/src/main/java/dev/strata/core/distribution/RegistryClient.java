package dev.strata.core.distribution;

import dev.strata.core.oci.Reference;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The way into registries: one {@link RegistryHttp} per host (its scheme, challenge and token cache shared by every
 * repository on it), credentials from a {@link CredentialStore}, and {@link #login} to check new credentials.
 * Thread-safe.
 */
public final class RegistryClient {
    private final RegistryConfig config;
    private final CredentialStore credentials;
    private final Transport transport;
    private final Clock clock;
    private final RemoteRepository.UploadPolicy uploads;
    private final Map<String, RegistryHttp> hosts = new ConcurrentHashMap<>();

    public RegistryClient(RegistryConfig config, CredentialStore credentials, Transport transport, Clock clock,
            RemoteRepository.UploadPolicy uploads) {
        this.config = config;
        this.credentials = credentials;
        this.transport = transport;
        this.clock = clock;
        this.uploads = uploads;
    }

    /** The repository a reference names, for pulling or (with {@code push}) pushing too. */
    public RemoteRepository repository(Reference reference, boolean push) {
        return repository(reference.domain(), reference.path(), push);
    }

    /** A repository on a registry host ({@code docker.io} means Docker Hub's API host). */
    public RemoteRepository repository(String host, String path, boolean push) {
        return new RemoteRepository(http(host), path, push, uploads);
    }

    private RegistryHttp http(String host) {
        return hosts.computeIfAbsent(host, h -> new RegistryHttp(ServerKeys.apiHost(h), transport,
                new Authenticator(credentials.get(h), clock), config.isInsecure(h)));
    }

    /**
     * Searches a registry ({@code docker.io} for Docker Hub) for repositories matching {@code term}: its
     * {@code /v1/search}, or its catalog where it has no search.
     */
    public java.util.List<SearchResult> search(String host, String term, int limit) {
        String h = ServerKeys.host(host);
        return new RegistrySearch(http(h), h).search(term, limit);
    }

    /** Where a pull reads from: a repository (of a mirror or of the registry itself) and the manifest it served. */
    public record PullSource(RemoteRepository repository, RemoteManifest manifest) {}

    /**
     * The manifest a tag or digest names, from the first of the registry host's mirrors that serves it, else from
     * the host itself: Docker's {@code registry-mirrors}, for any host. A mirror that fails in any way (down,
     * refusing, without the image) is passed over, as Docker falls back to the next endpoint.
     */
    public PullSource pullSource(Reference reference, String tagOrDigest) {
        for (String mirror : config.mirrorsOf(reference.domain())) {
            String host = ServerKeys.host(mirror);
            try {
                RemoteRepository r = repository(host, reference.path(), false);
                return new PullSource(r, r.manifest(tagOrDigest, reference.familiar()));
            } catch (dev.strata.core.StrataException e) {
                // the next mirror, or the registry itself, may have it
            }
        }
        RemoteRepository r = repository(reference, false);
        return new PullSource(r, r.manifest(tagOrDigest, reference.familiar()));
    }

    /** What a successful login returns: the credentials to store (an identity token replaces the password). */
    public record LoginResult(AuthConfig toStore) {}

    /**
     * Checks credentials against a registry as {@code docker login} does: pings it, then answers its challenge
     * (a token for no scope, asked for an offline refresh token, or a Basic request of {@code /v2/}).
     */
    public LoginResult login(String host, AuthConfig auth) {
        String h = ServerKeys.host(host);
        Authenticator authenticator = new Authenticator(auth, clock);
        RegistryHttp http = new RegistryHttp(ServerKeys.apiHost(h), transport, authenticator, config.isInsecure(h));
        http.base();
        Challenge challenge = authenticator.challenge();
        if (challenge == null) {
            return new LoginResult(auth);
        }
        if (challenge.isBearer()) {
            Authenticator.Token token = authenticator.token(http.client(), List.of(), true);
            return new LoginResult(token.refreshToken() != null
                    ? new AuthConfig(auth.username(), null, token.refreshToken()) : auth);
        }
        HttpResponse<InputStream> response = http.send(RegistryHttp.Call.get("/v2/", List.of(), Map.of()));
        RegistryHttp.drain(response);
        if (response.statusCode() != 200) {
            throw new RegistryException(401, "UNAUTHORIZED", "unauthorized: incorrect username or password");
        }
        return new LoginResult(auth);
    }
}
