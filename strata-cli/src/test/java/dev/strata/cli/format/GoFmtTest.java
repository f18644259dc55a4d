package dev.strata.cli.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Go's fmt as printf and print use it. Expected strings follow https://pkg.go.dev/fmt; float
 * rounding cases were cross-checked with Python's %-formatting, which rounds the exact binary
 * value half-to-even exactly as Go's strconv does.
 */
class GoFmtTest {

    private static String sprintf(String format, Object... args) {
        return GoFmt.sprintf(format, Arrays.asList(args));
    }

    @Test
    void widthsPrecisionAndFlags() {
        assertThat(sprintf("%-8s|%8s|", "ab", "cd")).isEqualTo("ab      |      cd|");
        assertThat(sprintf("%5.2f|%08.3f|%+d|% d|%05d", 3.14159, -3.14159, 5, 5, -42))
                .isEqualTo(" 3.14|-003.142|+5| 5|-0042");
        assertThat(sprintf("%.3s|%5t|%6.2f%%", "abcdef", true, 12.345)).isEqualTo("abc| true| 12.35%");
        assertThat(sprintf("%5s|", "日本")).isEqualTo("   日本|");
    }

    @Test
    void integerVerbs() {
        assertThat(sprintf("%d %x %X %#x %o %#o %b %c %q %U %#U", 255, 255, 255, 255, 8, 8, 5, 65, 65,
                0x1F433, 0x41)).isEqualTo("255 ff FF 0xff 10 010 101 A 'A' U+1F433 U+0041 'A'");
        assertThat(sprintf("%.3d|%5.0d|", 7, 0)).isEqualTo("007|     |");
    }

    @Test
    void floatVerbsRoundTheExactValueHalfToEven() {
        assertThat(sprintf("%e|%g|%.3g|%+.1e|%10.3e|", 1234.5678, 0.00001234, 999.5, 12345.0, 12345.678))
                .isEqualTo("1.234568e+03|1.234e-05|1e+03|+1.2e+04| 1.235e+04|");
        assertThat(sprintf("%.2f %.2f %.0f %.0f", 12.345, 0.125, 2.5, 3.5)).isEqualTo("12.35 0.12 2 4");
    }

    @Test
    void defaultFloatFormatIsShortestWithExponentFromSixDigits() {
        assertThat(sprintf("%v %v %v %v %v %v", 100000.0, 1e6, 123456789.0, 0.0001, 0.00001, 1e21))
                .isEqualTo("100000 1e+06 1.23456789e+08 0.0001 1e-05 1e+21");
        assertThat(sprintf("%v %v %f", Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN))
                .isEqualTo("+Inf -Inf NaN");
        assertThat(sprintf("%v", 0.1f)).isEqualTo("0.1");
    }

    @Test
    void stringVerbs() {
        assertThat(sprintf("%q|%x|% x|%#x|%X", "a\"b\n", "hi", "hi", "hi", "hi"))
                .isEqualTo("\"a\\\"b\\n\"|6869|68 69|0x6869|6869");
        assertThat(sprintf("%q %+q %#q", "é", "é", "a`b")).isEqualTo("\"é\" \"\\u00e9\" \"a`b\"");
        assertThat(sprintf("%#q", "plain")).isEqualTo("`plain`");
    }

    @Test
    void compositeValuesApplyTheVerbToEachElement() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("b", 2);
        m.put("a", 1);
        assertThat(sprintf("%v|%d|%q|%v", Arrays.asList("a", 1, null), List.of(1, 2), List.of("a", "b"), m))
                .isEqualTo("[a 1 <nil>]|[1 2]|[\"a\" \"b\"]|map[a:1 b:2]");
        assertThat(sprintf("%v %v", GoNil.SLICE, GoNil.MAP)).isEqualTo("[] map[]");
    }

    @Test
    void mistakesAreReportedInline() {
        assertThat(sprintf("%d|%s|%s|%z", "x", 5, null, 1))
                .isEqualTo("%!d(string=x)|%!s(int=5)|%!s(<nil>)|%!z(int=1)");
        assertThat(sprintf("%d %d", 1)).isEqualTo("1 %!d(MISSING)");
        assertThat(sprintf("%d", 1, "two")).isEqualTo("1%!(EXTRA string=two)");
        assertThat(sprintf("100%")).isEqualTo("100%!(NOVERB)");
        assertThat(sprintf("%[3]d", 1)).isEqualTo("%!d(BADINDEX)");
    }

    @Test
    void argumentIndexesAndStarWidths() {
        assertThat(sprintf("%[2]d %[1]d", 1, 2)).isEqualTo("2 1");
        assertThat(sprintf("%*d|%-*d|%.*f", 5, 42, 5, 42, 2, 3.14159)).isEqualTo("   42|42   |3.14");
        assertThat(sprintf("%T %T %T %T", "s", 1, 1.5, List.of())).isEqualTo("string int float64 []interface {}");
    }

    @Test
    void sprintSpacesOnlyBetweenNonStrings() {
        assertThat(GoFmt.sprint(List.of(1, 2, "a", 3))).isEqualTo("1 2a3");
        assertThat(GoFmt.sprint(List.of("a", "b"))).isEqualTo("ab");
        assertThat(GoFmt.sprintln(List.of("a", "b", 1))).isEqualTo("a b 1\n");
    }
}
