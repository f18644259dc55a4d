package dev.strata.core.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.core.engine.Engine;
import dev.strata.core.engine.PushRequest;
import dev.strata.core.engine.SearchRequest;
import dev.strata.core.engine.RegistrySettings;
import dev.strata.core.progress.ProgressListener;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Search on the CNCF registry, which has no {@code /v1/search} (404): its catalog, matched by substring. */
@Tag("root")
class CatalogSearchTest {
    @TempDir
    Path dir;

    @Test
    void searchFallsBackToTheCatalogWhereTheRegistryHasNoSearch() throws Exception {
        try (RegistryServer registry = RegistryServer.start(dir.resolve("registry"), null);
                Engine engine = Fixtures.engine(dir.resolve("store"))) {
            RegistrySettings settings = Fixtures.settings(dir);
            for (String repository : List.of("tools/busybox", "alpine", "busybox-extra")) {
                String name = registry.host() + "/" + repository + ":1";
                Fixtures.importImage(engine, Fixtures.rootfs(repository, 16), name);
                engine.push(new PushRequest(name, false, settings), ProgressListener.NONE);
            }

            var found = engine.search(new SearchRequest(registry.host() + "/BusyBox", 25, List.of(), settings));
            assertThat(found).extracting(SearchResult::name).containsExactlyInAnyOrder("tools/busybox", "busybox-extra");
            assertThat(found).allMatch(r -> r.description().isEmpty() && r.starCount() == 0 && !r.official());
            assertThat(engine.search(new SearchRequest(registry.host() + "/busybox", 1, List.of(), settings))).hasSize(1);
            assertThat(engine.search(new SearchRequest(registry.host() + "/busybox", 25, List.of("is-official=true"),
                    settings))).isEmpty();
        }
    }
}
