package dev.strata.registry.api;

import dev.strata.core.StrataException;
import dev.strata.registry.auth.Authorizer;
import dev.strata.registry.spec.ErrorCode;
import dev.strata.registry.spec.RegistryException;
import dev.strata.registry.spec.RepositoryName;
import dev.strata.registry.storage.GcReport;
import dev.strata.registry.storage.RegistryStore;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The registry's HTTP API as one Jetty core handler: routes a request to its endpoint, answers refusals and
 * failures with the spec's error JSON, and writes one access-log line per request when its response completes.
 * Also serves {@code GET /healthz} and the administrative {@code POST /strata/v1/gc}. Thread-safe.
 */
public final class RegistryHandler extends Handler.Abstract {
    private final Access access;
    private final AccessLog log;
    private final Clock clock;
    private final Supplier<GcReport> gc;
    private final BlobEndpoints blobs;
    private final UploadEndpoints uploads;
    private final ManifestEndpoints manifests;
    private final ListingEndpoints listings;
    private final SearchEndpoint search;

    /**
     * @param gc runs one garbage collection (the server serialises runs)
     */
    public RegistryHandler(RegistryStore store, Authorizer authorizer, Clock clock, AccessLog log, Supplier<GcReport> gc) {
        this.access = new Access(Objects.requireNonNull(authorizer, "authorizer"));
        this.log = log;
        this.clock = clock;
        this.gc = gc;
        this.blobs = new BlobEndpoints(store, access);
        this.uploads = new UploadEndpoints(store, access, clock);
        this.manifests = new ManifestEndpoints(store, access);
        this.listings = new ListingEndpoints(store, access);
        this.search = new SearchEndpoint(store, access);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        long started = System.nanoTime();
        Logged logged = new Logged(callback, request, started);
        Exchange ex = new Exchange(request, response, logged);
        logged.exchange = ex;
        response.getHeaders().put("Docker-Distribution-API-Version", "registry/2.0");
        try {
            dispatch(ex, Route.parse(request.getHttpURI().getPath()));
        } catch (RegistryException e) {
            Bodies.discardRest(request);
            ex.sendError(e);
        } catch (Access.Refused e) {
            Bodies.discardRest(request);
            ex.sendDenied(e.denied);
        } catch (IOException e) {
            // the client went away or sent a broken body; an upload keeps what arrived before
            ex.sendError(400, ErrorCode.BLOB_UPLOAD_INVALID.name(), "cannot read the request body: " + e.getMessage());
        } catch (StrataException e) {
            if (e.kind() == StrataException.Kind.NOT_FOUND) {
                ex.sendError(404, ErrorCode.BLOB_UNKNOWN.name(), e.getMessage());
            } else {
                log.failure(request.getMethod() + " " + request.getHttpURI().getPath(), e);
                ex.sendError(500, "UNKNOWN", e.getMessage());
            }
        } catch (RuntimeException e) {
            log.failure(request.getMethod() + " " + request.getHttpURI().getPath(), e);
            ex.sendError(500, "UNKNOWN", "internal error: " + e);
        }
        if (!ex.sent()) {
            ex.sendError(500, "UNKNOWN", "no response was produced");
        }
        return true;
    }

    private void dispatch(Exchange ex, Route route) throws IOException {
        switch (route.kind()) {
            case BASE -> {
                ListingEndpoints.requireGet(ex);
                access.require(ex, Authorizer.Scope.BASE);
                ex.send(200, Exchange.JSON, Exchange.utf8("{}"));
            }
            case CATALOG -> listings.catalog(ex);
            case MANIFEST -> manifests.handle(ex, name(route), route.argument());
            case BLOB -> blobs.handle(ex, name(route), route.argument());
            case UPLOADS -> uploads.start(ex, name(route));
            case UPLOAD -> uploads.session(ex, name(route), route.argument());
            case TAGS -> listings.tags(ex, name(route));
            case REFERRERS -> listings.referrers(ex, name(route), route.argument());
            case SEARCH -> search.handle(ex);
            case HEALTH -> {
                ListingEndpoints.requireGet(ex);
                ex.send(200, Exchange.JSON, Exchange.utf8("{\"status\":\"ok\"}"));
            }
            case GC -> runGc(ex);
            case UNKNOWN -> ex.sendError(404, "NOT_FOUND", "no such endpoint: " + ex.request.getHttpURI().getPath());
        }
    }

    private void runGc(Exchange ex) {
        if (!ex.method.equals("POST")) {
            throw Digests.unsupported(ex);
        }
        access.require(ex, Access.GC);
        GcReport report = gc.get();
        ex.send(200, Exchange.JSON, JsonBodies.write(g -> {
            g.writeStartObject();
            g.writeNumberField("blobsDeleted", report.blobsDeleted());
            g.writeNumberField("bytesFreed", report.bytesFreed());
            g.writeNumberField("blobsKept", report.blobsKept());
            g.writeNumberField("linksRemoved", report.linksRemoved());
            g.writeNumberField("uploadsExpired", report.uploadsExpired());
            g.writeNumberField("millis", report.took().toMillis());
            g.writeEndObject();
        }));
    }

    private static RepositoryName name(Route route) {
        return new RepositoryName(route.name());
    }

    /** Completes the response, then writes its access-log line. */
    private final class Logged implements Callback {
        private final Callback delegate;
        private final Request request;
        private final long started;
        Exchange exchange;

        Logged(Callback delegate, Request request, long started) {
            this.delegate = delegate;
            this.request = request;
            this.started = started;
        }

        @Override
        public void succeeded() {
            delegate.succeeded();
            record();
        }

        @Override
        public void failed(Throwable x) {
            delegate.failed(x);
            record();
        }

        @Override
        public InvocationType getInvocationType() {
            return delegate.getInvocationType();
        }

        private void record() {
            log.request(new AccessLog.Entry(clock.instant(), Request.getRemoteAddr(request), request.getMethod(),
                    request.getHttpURI().getPathQuery(), exchange.response.getStatus(), exchange.bytes(),
                    Duration.ofNanos(System.nanoTime() - started), exchange.subject()));
        }
    }
}
