package dev.solo.http.codec;

/**
 * A strict UTF-8 validator (RFC 3629 §4): rejects overlong forms, surrogates (U+D800..U+DFFF), code points above
 * U+10FFFF and truncated sequences. Overlong forms matter most: {@code %C0%AE} is an overlong {@code .} and
 * {@code %C0%AF} an overlong {@code /}, the classic way past path checks that look at decoded text.
 */
final class Utf8 {

    private Utf8() {
    }

    /**
     * @param bytes the bytes
     * @param length how many, from index 0
     * @return true when they are well-formed UTF-8
     */
    static boolean isValid(byte[] bytes, int length) {
        int i = 0;
        while (i < length) {
            int b = bytes[i] & 0xFF;
            if (b < 0x80) {
                i++;
                continue;
            }
            int extra;
            int lower = 0x80;
            int upper = 0xBF;
            if (b >= 0xC2 && b <= 0xDF) {
                extra = 1;
            } else if (b >= 0xE0 && b <= 0xEF) {
                extra = 2;
                if (b == 0xE0) {
                    lower = 0xA0; // overlong below U+0800
                } else if (b == 0xED) {
                    upper = 0x9F; // surrogates
                }
            } else if (b >= 0xF0 && b <= 0xF4) {
                extra = 3;
                if (b == 0xF0) {
                    lower = 0x90; // overlong below U+10000
                } else if (b == 0xF4) {
                    upper = 0x8F; // above U+10FFFF
                }
            } else {
                return false; // continuation byte, overlong C0/C1, or F5..FF
            }
            if (i + extra >= length) {
                return false; // truncated
            }
            int second = bytes[i + 1] & 0xFF;
            if (second < lower || second > upper) {
                return false;
            }
            for (int k = 2; k <= extra; k++) {
                int next = bytes[i + k] & 0xFF;
                if (next < 0x80 || next > 0xBF) {
                    return false;
                }
            }
            i += extra + 1;
        }
        return true;
    }
}
