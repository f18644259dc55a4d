package dev.strata.core.volume;

import java.util.Comparator;

/**
 * Orders names as the docker CLI sorts volumes ({@code sortorder.NaturalLess}): runs of digits compare as
 * numbers, so "vol2" comes before "vol10". Stateless and thread-safe.
 */
final class NaturalOrder implements Comparator<String> {
    static final NaturalOrder INSTANCE = new NaturalOrder();

    private NaturalOrder() {}

    @Override
    public int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (isDigit(ca) != isDigit(cb)) {
                return isDigit(ca) ? -1 : 1; // digits sort before every other character, '-' and '.' included
            }
            if (isDigit(ca)) {
                int endA = digitsEnd(a, i);
                int endB = digitsEnd(b, j);
                int byNumber = compareNumbers(a.substring(i, endA), b.substring(j, endB));
                if (byNumber != 0) {
                    return byNumber;
                }
                i = endA;
                j = endB;
            } else {
                if (ca != cb) {
                    return Character.compare(ca, cb);
                }
                i++;
                j++;
            }
        }
        int byRest = Integer.compare(a.length() - i, b.length() - j);
        return byRest != 0 ? byRest : a.compareTo(b);
    }

    private static int compareNumbers(String x, String y) {
        String tx = stripZeros(x);
        String ty = stripZeros(y);
        if (tx.length() != ty.length()) {
            return Integer.compare(tx.length(), ty.length());
        }
        int byValue = tx.compareTo(ty);
        // Equal values: fewer leading zeros first, so the order stays total.
        return byValue != 0 ? byValue : Integer.compare(x.length(), y.length());
    }

    private static String stripZeros(String digits) {
        int k = 0;
        while (k < digits.length() - 1 && digits.charAt(k) == '0') {
            k++;
        }
        return digits.substring(k);
    }

    private static int digitsEnd(String s, int from) {
        int k = from;
        while (k < s.length() && isDigit(s.charAt(k))) {
            k++;
        }
        return k;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
