package dev.strata.core.sys;

import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;

class NativeLinksTest {
    @Test
    void theCLibraryHasEveryFunctionInTheShapeThisPackageCallsIt() {
        // A misspelt name or a shape the linker refuses would otherwise surface only when that call is first made.
        assertThatCode(NativeLinks::linkAll).doesNotThrowAnyException();
    }
}
