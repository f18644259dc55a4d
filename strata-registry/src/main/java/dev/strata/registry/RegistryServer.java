package dev.strata.registry;

import dev.strata.core.StrataException;
import dev.strata.registry.api.AccessLog;
import dev.strata.registry.api.RegistryHandler;
import dev.strata.registry.auth.RegistryAuth;
import dev.strata.registry.storage.GarbageCollector;
import dev.strata.registry.storage.GcReport;
import dev.strata.registry.storage.RegistryStore;
import java.net.BindException;
import java.net.URI;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * A running registry: the storage, the HTTP API on Jetty (core handlers, requests on virtual threads, optional TLS),
 * the auth from {@link AuthWiring}, and garbage collection on demand ({@link #collectGarbage}, {@code POST
 * /strata/v1/gc}) or every {@code gcInterval}. {@link #close} stops it cleanly. Thread-safe.
 */
public final class RegistryServer implements AutoCloseable {
    private final RegistrySettings settings;
    private final RegistryStore store;
    private final GarbageCollector collector;
    private final Server server;
    private final ServerConnector connector;
    private final ScheduledExecutorService scheduler;

    private RegistryServer(RegistrySettings settings, RegistryStore store, Server server, ServerConnector connector,
            ScheduledExecutorService scheduler) {
        this.settings = settings;
        this.store = store;
        this.collector = new GarbageCollector(store);
        this.server = server;
        this.connector = connector;
        this.scheduler = scheduler;
    }

    /** Opens the storage and starts serving; fails with a CONFLICT when the address is taken. */
    public static RegistryServer start(RegistrySettings settings, AccessLog log, Clock clock) {
        RegistryStore store = RegistryStore.open(settings.storage(), clock);
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("registry");
        threads.setVirtualThreadsExecutor(Executors.newVirtualThreadPerTaskExecutor());
        Server server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        ServerConnector connector;
        if (settings.tls()) {
            http.addCustomizer(new SecureRequestCustomizer(false));
            SslContextFactory.Server tls = new SslContextFactory.Server();
            char[] password = java.util.UUID.randomUUID().toString().toCharArray();
            tls.setKeyStore(PemKeys.keyStore(settings.tlsCertificate().get(), settings.tlsKey().get(), password));
            tls.setKeyStorePassword(new String(password));
            connector = new ServerConnector(server, new SslConnectionFactory(tls, "http/1.1"), new HttpConnectionFactory(http));
        } else {
            connector = new ServerConnector(server, new HttpConnectionFactory(http));
        }
        connector.setHost(settings.host());
        connector.setPort(settings.port());
        server.addConnector(connector);
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "registry-gc");
            t.setDaemon(true);
            return t;
        });
        RegistryServer registry = new RegistryServer(settings, store, server, connector, scheduler);
        try {
            connector.open(); // bound before the handlers are made: the token realm names the real port (--addr :0)
            String scheme = settings.tls() ? "https" : "http";
            URI publicBase = URI.create(scheme + "://" + hostForUrl(settings.host()) + ":" + connector.getLocalPort());
            RegistryAuth auth = AuthWiring.wire(settings.auth(), publicBase, settings.storage(), clock);
            Handler api = new RegistryHandler(store, auth.authorizer(), clock, log, registry::collectGarbage);
            server.setHandler(auth.tokenEndpoint().isEmpty() ? api
                    : new Handler.Sequence(new PathHandler(auth.tokenPath(), auth.tokenEndpoint().get()), api));
            server.start();
        } catch (Exception e) {
            registry.stopQuietly();
            store.close();
            if (causedBy(e, BindException.class)) {
                throw new StrataException(StrataException.Kind.CONFLICT, "cannot start the registry: "
                        + settings.host() + ":" + settings.port() + " is already in use; stop what listens there or "
                        + "choose another address with --addr");
            }
            if (e instanceof StrataException s) {
                throw s;
            }
            throw new StrataException(StrataException.Kind.SYSTEM, "cannot start the registry: " + e, e);
        }
        if (!settings.gcInterval().isZero()) {
            long every = settings.gcInterval().toMillis();
            scheduler.scheduleWithFixedDelay(() -> {
                try {
                    registry.collectGarbage();
                } catch (RuntimeException e) {
                    log.failure("garbage collection", e);
                }
            }, every, every, TimeUnit.MILLISECONDS);
        }
        return registry;
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String hostForUrl(String host) {
        String h = host.equals("0.0.0.0") ? "127.0.0.1" : host;
        return h.contains(":") ? "[" + h + "]" : h;
    }

    /** The port actually listened on (useful with port 0). */
    public int port() {
        return connector.getLocalPort();
    }

    /** The base URL clients reach this server at, e.g. {@code http://127.0.0.1:5000}. */
    public URI baseUri() {
        return URI.create((settings.tls() ? "https" : "http") + "://" + hostForUrl(settings.host()) + ":" + port());
    }

    public RegistrySettings settings() {
        return settings;
    }

    public RegistryStore store() {
        return store;
    }

    /** Runs one garbage collection now (one at a time; a second caller waits for the first). */
    public synchronized GcReport collectGarbage() {
        return collector.collect(settings.gcGrace(), settings.uploadTimeout());
    }

    /** Waits until the server stops. */
    public void join() throws InterruptedException {
        server.join();
    }

    /** Stops serving (requests in flight are cut off), cancels upload sessions and releases the storage. */
    @Override
    public void close() {
        stopQuietly();
        store.close();
    }

    private void stopQuietly() {
        scheduler.shutdownNow();
        try {
            // no graceful wait: a request cut short leaves the store consistent (uploads restart, nothing is half
            // visible), and waiting on idle keep-alive connections cost every stop a second
            server.setStopTimeout(0);
            server.stop();
        } catch (Exception e) {
            // stopping: nothing more to do with a server that fails to stop
        }
    }

    /** Sends requests under {@code path} to {@code delegate} (the token service); others go on to the API. */
    private static final class PathHandler extends Handler.Wrapper {
        private final String path;

        PathHandler(String path, Handler delegate) {
            super(delegate);
            this.path = path;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            String requested = request.getHttpURI().getPath();
            if (requested.equals(path) || requested.startsWith(path + "/")) {
                return super.handle(request, response, callback);
            }
            return false;
        }
    }

}
