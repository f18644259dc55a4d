package dev.strata.cli.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class GoFloatTest {
    @Test
    void roundingTheShortestDecimalAgreesWithRoundingTheExactValue() {
        Random random = new Random(7);
        char[] formats = {'g', 'e', 'f', 'G', 'E'};
        for (int i = 0; i < 200_000; i++) {
            double v = switch (i % 4) {
                case 0 -> random.nextDouble() * 1000;                            // sizes before their unit
                case 1 -> Double.longBitsToDouble(random.nextLong() >>> 2);      // any magnitude
                case 2 -> (random.nextInt(2_000_000) + 0.5) / Math.pow(10, random.nextInt(8)); // near-ties
                default -> random.nextInt(100_000) / 1000.0;                      // short decimals
            };
            char fmt = formats[random.nextInt(formats.length)];
            int prec = random.nextInt(18);
            assertThat(GoFloat.format(v, fmt, prec, 64)).as("%s %c %d", v, fmt, prec)
                    .isEqualTo(GoFloat.formatExactly(v, fmt, prec, 64));
        }
    }

    @Test
    void decidesTiesOfTheShortestDecimalByTheExactValue() {
        // 2.0005 is 2.000500000000000078… in binary, so Go rounds it up; the shortest decimal alone looks like a tie
        assertThat(GoFloat.format(2.0005, 'g', 4, 64)).isEqualTo("2.001");
        // 0.125 is exact: a true tie, to even
        assertThat(GoFloat.format(0.125, 'f', 2, 64)).isEqualTo("0.12");
        assertThat(GoFloat.format(999.96, 'g', 4, 64)).isEqualTo("1000");
        assertThat(GoFloat.format(9.9996e-5, 'e', 3, 64)).isEqualTo("1.000e-04");
    }
}
