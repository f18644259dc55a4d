package dev.strata.cli.e2e;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every container test starts from: a store of its own holding a BusyBox image as {@code busybox:latest};
 * and what it must end with: every container removed and nothing of them left on the host.
 */
abstract class ContainerTestCase {
    @TempDir
    Path dir;

    StrataRunner strata;

    @BeforeEach
    void importBusybox() throws Exception {
        strata = new StrataRunner(dir.resolve("root"));
        strata.ok("import", "-c", "CMD [\"sh\"]", TestImages.busyboxTar(dir).toString(), "busybox:latest");
    }

    @AfterEach
    void removeContainersAndCheckNothingIsLeft() throws Exception {
        ContainerTests.removeAllAndCheckNothingIsLeft(strata, dir);
    }
}
