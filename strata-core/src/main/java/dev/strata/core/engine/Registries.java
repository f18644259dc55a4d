package dev.strata.core.engine;

import dev.strata.core.StrataException;
import dev.strata.core.distribution.AuthConfig;
import dev.strata.core.distribution.BlobSources;
import dev.strata.core.distribution.DockerConfigFile;
import dev.strata.core.distribution.PlatformSelector;
import dev.strata.core.distribution.PullResult;
import dev.strata.core.distribution.Puller;
import dev.strata.core.distribution.PushResult;
import dev.strata.core.distribution.Pusher;
import dev.strata.core.distribution.RegistryClient;
import dev.strata.core.distribution.RegistryException;
import dev.strata.core.distribution.RemoteRepository;
import dev.strata.core.distribution.ServerKeys;
import dev.strata.core.distribution.Transport;
import dev.strata.core.oci.Platform;
import dev.strata.core.oci.Reference;
import dev.strata.core.progress.ProgressListener;
import dev.strata.core.store.ImageIndex;
import dev.strata.core.store.ImageRecord;
import dev.strata.core.store.LocalStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** {@code pull}, {@code push}, {@code login} and {@code logout}: the registry verbs over the distribution client. */
final class Registries {

    private final LocalStore store;
    private final Clock clock;
    private final RegistrySettings settings;
    private final DockerConfigFile logins;
    private final RegistryClient client;

    Registries(LocalStore store, Clock clock, RegistrySettings settings, Transport transport) {
        this.store = store;
        this.clock = clock;
        this.settings = settings;
        this.logins = new DockerConfigFile(settings.dockerConfig(), settings.searchPath());
        this.client = new RegistryClient(settings.registries(), logins, transport, clock,
                settings.uploads());
    }

    private BlobSources sources() {
        return new BlobSources(store.layout().distribution());
    }

    List<PullResult> pull(PullRequest request, ProgressListener progress) {
        Reference ref = Reference.parse(request.name());
        if (request.allTags() && (ref.tag() != null || ref.digest() != null)) {
            throw new StrataException(StrataException.Kind.INVALID_ARGUMENT, "tag can't be used with --all-tags/-a");
        }
        Platform platform = request.platform() == null ? Platform.host() : request.platform();
        Puller puller = new Puller(store, client, sources(), store.layout().partialDownloads(), clock, 3);
        String now = Times.format(clock.instant());
        try {
            if (!request.allTags()) {
                return List.of(puller.pull(ref, platform, progress, now));
            }
            List<PullResult> results = new ArrayList<>();
            for (String tag : client.repository(ref, false).tags()) {
                results.add(puller.pull(ref.withTag(tag), platform, progress, now));
            }
            return results;
        } catch (RegistryException e) {
            throw pullError(ref, e);
        }
    }

    /** Docker's words for a repository that does not exist or needs a login. */
    private static StrataException pullError(Reference ref, RegistryException e) {
        if (e.isAuthFailure() && !e.getMessage().contains("incorrect username or password")) {
            return new RegistryException(e.status(), e.code(), "pull access denied for " + ref.familiarName()
                    + ", repository does not exist or may require 'docker login': " + e.getMessage());
        }
        return e;
    }

    List<PushResult> push(PushRequest request, ProgressListener progress) {
        Reference ref = Reference.parse(request.name());
        if (ref.digest() != null) {
            throw new StrataException(StrataException.Kind.INVALID_ARGUMENT, "cannot push a digest reference");
        }
        if (request.allTags() && ref.tag() != null) {
            throw new StrataException(StrataException.Kind.INVALID_ARGUMENT, "tag can't be used with --all-tags/-a");
        }
        ImageIndex.Snapshot index = store.index().read();
        List<Reference> tags = new ArrayList<>();
        if (request.allTags()) {
            for (ImageRecord image : index.images()) {
                for (String tag : image.tags()) {
                    Reference t = Reference.parse(tag);
                    if (t.name().equals(ref.name())) {
                        tags.add(t);
                    }
                }
            }
            tags.sort(java.util.Comparator.comparing(Reference::tag));
        } else {
            tags.add(ref.withDefaultTag());
        }
        if (tags.isEmpty() || index.byTag(tags.getFirst().toString()).isEmpty()) {
            throw new StrataException(StrataException.Kind.NOT_FOUND, "An image does not exist locally with the tag: "
                    + ref.familiarName());
        }
        progress.onEvent(new dev.strata.core.progress.Event.Status(null,
                "The push refers to repository [" + ref.name() + "]"));
        Pusher pusher = new Pusher(store, client, sources(), 1, 5);
        List<PushResult> results = new ArrayList<>();
        try {
            for (Reference tag : tags) {
                ImageRecord image = index.byTag(tag.toString()).orElseThrow();
                results.add(pusher.push(tag, store.image(image), progress));
            }
        } catch (RegistryException e) {
            throw pushError(ref, e);
        }
        return results;
    }

    private static StrataException pushError(Reference ref, RegistryException e) {
        if (!e.isAuthFailure()) {
            return e;
        }
        String hint;
        if (ref.domain().equals(Reference.DEFAULT_DOMAIN) && ref.path().startsWith("library/")) {
            hint = " (pushing to Docker Hub needs your namespace: tag the image as USER/"
                    + ref.path().substring("library/".length()) + " with `strata tag`, then `strata login` and push that)";
        } else {
            String login = ref.domain().equals(Reference.DEFAULT_DOMAIN) ? "strata login" : "strata login " + ref.domain();
            hint = " (run `" + login + "` as a user allowed to push to " + ref.familiarName() + ")";
        }
        return new RegistryException(e.status(), e.code(), e.getMessage() + hint);
    }

    LoginResult login(String server, AuthConfig auth) {
        String host = ServerKeys.host(server);
        RegistryClient.LoginResult verified = client.login(host, auth);
        logins.store(host, verified.toStore());
        return new LoginResult(ServerKeys.key(host), logins.storesInFile(host), logins.file());
    }

    /** The stored login of a server, for {@code login} without a password (Docker reuses it). */
    AuthConfig storedLogin(String server) {
        return logins.get(ServerKeys.host(server));
    }

    boolean logout(String server) {
        return logins.erase(ServerKeys.host(server));
    }

    /**
     * {@code search}: {@code HOST/TERM} searches that registry (the first part names a host when it has a dot or a
     * colon or is {@code localhost}, as in Docker), anything else Docker Hub.
     */
    List<dev.strata.core.distribution.SearchResult> search(SearchRequest request) {
        if (request.limit() < 1 || request.limit() > 100) {
            throw new StrataException(StrataException.Kind.INVALID_ARGUMENT, "limit " + request.limit()
                    + " is outside the range of [1, 100]");
        }
        SearchFilter filter = SearchFilter.parse(request.filters());
        String term = request.term();
        String host = Reference.DEFAULT_DOMAIN;
        int slash = term.indexOf('/');
        if (slash > 0) {
            String first = term.substring(0, slash);
            if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
                host = first;
                term = term.substring(slash + 1);
            }
        }
        return client.search(host, term, request.limit()).stream().filter(filter::accepts).toList();
    }

    /** Parses {@code --platform}. */
    static Platform platform(String text) {
        return PlatformSelector.parse(text);
    }
}
