package dev.solo.examples.markdown;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Inline Markdown over text that is already HTML-escaped: backslash escapes, code spans, emphasis, strong emphasis
 * and links. Because the input holds no {@code <} and no {@code "}, the only tags in the output are the ones written
 * here.
 *
 * <p>The rules are deliberately simpler than CommonMark's: an opening delimiter pairs with the nearest possible
 * closing one, {@code *x*} and {@code **x**} may nest inside each other but not inside themselves, and {@code _}
 * does not work inside words ({@code snake_case} stays as it is).
 *
 * <p>Time is linear in the input. Each nesting level ({@code <em>}, {@code <strong>}, a link) can appear only once on
 * the way down, so recursion is shallow; and a level remembers, per delimiter kind, where a search for a closer
 * failed, because every later search of that kind in the same range would fail too. Without that memory a line of
 * unclosed {@code *a} would cost quadratic time on the loop thread.
 */
final class InlineRenderer {

    /** ASCII punctuation that a backslash makes literal (a subset of CommonMark's, enough for this syntax). */
    private static final String ESCAPABLE = "\\`*_{}[]()#+-.!|~";
    /** What {@link Html#escape} produces; a backslash before one of them makes the original character literal. */
    private static final String[] ENTITIES = {"&lt;", "&gt;", "&quot;", "&#39;", "&amp;"};
    /**
     * Nesting levels below this are written as plain (escaped) text. The pairing rules already keep nesting to a few
     * levels; this bound makes a stack overflow impossible whatever the input.
     */
    private static final int MAX_DEPTH = 16;

    private final String text;
    /** Start positions of maximal backtick runs, by run length, ascending: a closing run is a lookup, not a scan. */
    private final Map<Integer, int[]> backtickRuns;

    private InlineRenderer(String text) {
        this.text = text;
        this.backtickRuns = indexBacktickRuns(text);
    }

    /**
     * @param escaped one paragraph, heading or list item, HTML-escaped
     * @return its HTML
     */
    static String render(String escaped) {
        StringBuilder out = new StringBuilder(escaped.length() + 32);
        new InlineRenderer(escaped).render(0, escaped.length(), true, 0, out);
        return out.toString();
    }

    /** Renders {@code text[from, to)}; {@code links} is false inside a link's text, as links do not nest. */
    private void render(int from, int to, boolean links, int depth, StringBuilder out) {
        if (depth > MAX_DEPTH) {
            out.append(text, from, to);
            return;
        }
        Level level = new Level(depth);
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            if (c == '\\') {
                i = backslash(i, to, out);
            } else if (c == '`') {
                i = codeSpan(i, to, out);
            } else if (c == '*' || c == '_') {
                i = emphasis(i, to, links, level, out);
            } else if (c == '[' && links) {
                i = link(i, to, level, out);
            } else {
                out.append(c);
                i++;
            }
        }
    }

    private int backslash(int i, int to, StringBuilder out) {
        if (i + 1 < to) {
            char next = text.charAt(i + 1);
            if (ESCAPABLE.indexOf(next) >= 0) {
                out.append(next);
                return i + 2;
            }
            for (String entity : ENTITIES) {
                if (text.startsWith(entity, i + 1) && i + 1 + entity.length() <= to) {
                    out.append(entity);
                    return i + 1 + entity.length();
                }
            }
        }
        out.append('\\');
        return i + 1;
    }

    /** {@code `code`}: the closing run has exactly as many backticks as the opening one (CommonMark 6.1). */
    private int codeSpan(int i, int to, StringBuilder out) {
        int run = runLength(i, '`', to);
        int close = closingBacktickRun(i + run, run, to);
        if (close < 0) {
            out.append(text, i, i + run);
            return i + run;
        }
        String content = text.substring(i + run, close).replace('\n', ' ');
        if (content.length() >= 2 && content.startsWith(" ") && content.endsWith(" ") && !content.isBlank()) {
            content = content.substring(1, content.length() - 1);
        }
        out.append("<code>").append(content).append("</code>");
        return close + run;
    }

    private int emphasis(int i, int to, boolean links, Level level, StringBuilder out) {
        char c = text.charAt(i);
        int run = runLength(i, c, to);
        if (canOpen(i, run, c, to)) {
            if (run >= 2) {
                int close = closer(c, true, i, run, to, level);
                if (close >= 0) {
                    out.append("<strong>");
                    render(i + 2, close, links, level.depth + 1, out);
                    out.append("</strong>");
                    return close + 2;
                }
            }
            int close = closer(c, false, i, run, to, level);
            if (close >= 0) {
                out.append("<em>");
                render(i + 1, close, links, level.depth + 1, out);
                out.append("</em>");
                return close + 1;
            }
        }
        out.append(text, i, i + run);
        return i + run;
    }

    /**
     * Finds where the closing delimiter of an opener at {@code i} starts: a run of the same character that can close,
     * of two or more for strong, of one or three or more for emphasis (a run of exactly two belongs to a strong pair
     * and is stepped over). The search starts after the whole opening run.
     *
     * @return the position of the closing delimiter, or -1
     */
    private int closer(char c, boolean strong, int i, int run, int to, Level level) {
        int kind = (c == '*' ? 0 : 2) + (strong ? 1 : 0);
        if (level.failedFrom[kind] <= i) {
            return -1;
        }
        int j = i + run;
        while (j < to) {
            char ch = text.charAt(j);
            if (ch == '\\' && j + 1 < to && ESCAPABLE.indexOf(text.charAt(j + 1)) >= 0) {
                j += 2;
            } else if (ch == c) {
                int length = runLength(j, c, to);
                boolean fits = strong ? length >= 2 : length != 2;
                if (fits && canClose(j, length, c)) {
                    return j + length - (strong ? 2 : 1);
                }
                j += length;
            } else {
                j++;
            }
        }
        level.failedFrom[kind] = i;
        return -1;
    }

    /** Left-flanking, simplified: the run is followed by a non-space; {@code _} also must not follow a letter. */
    private boolean canOpen(int i, int run, char c, int to) {
        int after = i + run;
        if (after >= to || Character.isWhitespace(text.charAt(after))) {
            return false;
        }
        return c != '_' || i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1));
    }

    /** Right-flanking, simplified: the run follows a non-space; {@code _} also must not precede a letter. */
    private boolean canClose(int j, int run, char c) {
        if (j == 0 || Character.isWhitespace(text.charAt(j - 1))) {
            return false;
        }
        int after = j + run;
        return c != '_' || after >= text.length() || !Character.isLetterOrDigit(text.charAt(after));
    }

    /**
     * {@code [text](url)}: the text ends at the first {@code ]}, which must be followed at once by {@code (}; the
     * target has no spaces or brackets and may hold balanced parentheses. An unsafe target leaves the text without
     * a link.
     */
    private int link(int i, int to, Level level, StringBuilder out) {
        int close = level.closingBracket(i, to);
        int urlEnd = close >= 0 && close + 1 < to && text.charAt(close + 1) == '(' ? level.urlEnd(close, to) : -1;
        if (urlEnd < 0) {
            out.append('[');
            return i + 1;
        }
        String url = text.substring(close + 2, urlEnd);
        boolean safe = LinkTargets.isSafe(url);
        if (safe) {
            out.append("<a href=\"").append(url).append("\">");
        }
        render(i + 1, close, false, level.depth + 1, out);
        if (safe) {
            out.append("</a>");
        }
        return urlEnd + 1;
    }

    private int runLength(int i, char c, int to) {
        int j = i;
        while (j < to && text.charAt(j) == c) {
            j++;
        }
        return j - i;
    }

    private int closingBacktickRun(int from, int length, int to) {
        int[] starts = backtickRuns.get(length);
        if (starts == null) {
            return -1;
        }
        int k = Arrays.binarySearch(starts, from);
        int index = k >= 0 ? k : -k - 1;
        if (index < starts.length && starts[index] + length <= to) {
            return starts[index];
        }
        return -1;
    }

    private static Map<Integer, int[]> indexBacktickRuns(String text) {
        Map<Integer, List<Integer>> runs = new HashMap<>();
        int i = 0;
        while (i < text.length()) {
            if (text.charAt(i) != '`') {
                i++;
                continue;
            }
            int start = i;
            while (i < text.length() && text.charAt(i) == '`') {
                i++;
            }
            runs.computeIfAbsent(i - start, n -> new ArrayList<>()).add(start);
        }
        Map<Integer, int[]> index = new HashMap<>();
        runs.forEach((length, starts) -> index.put(length, starts.stream().mapToInt(Integer::intValue).toArray()));
        return index;
    }

    /** What one nesting level has learned about its range, so that no search there repeats. */
    private final class Level {

        private final int depth;

        /** Per delimiter kind (* em, * strong, _ em, _ strong): openers at or after this position find no closer. */
        private final int[] failedFrom = {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE};
        private int bracketSearchFrom = Integer.MAX_VALUE;
        private int bracketFound = -1;
        private int urlFor = -1;
        private int urlEndFound = -1;

        Level(int depth) {
            this.depth = depth;
        }

        /**
         * The first unescaped {@code ]} after {@code i}. It is the same for every opener between the last search and
         * the bracket it found, which is what keeps a line of {@code [[[[} linear.
         */
        int closingBracket(int i, int to) {
            if (i >= bracketSearchFrom && (bracketFound < 0 || i < bracketFound)) {
                return bracketFound;
            }
            bracketSearchFrom = i;
            bracketFound = -1;
            int j = i + 1;
            while (j < to) {
                char ch = text.charAt(j);
                if (ch == '\\' && j + 1 < to && ESCAPABLE.indexOf(text.charAt(j + 1)) >= 0) {
                    j += 2;
                } else if (ch == ']') {
                    bracketFound = j;
                    break;
                } else {
                    j++;
                }
            }
            return bracketFound;
        }

        /**
         * Where the target after {@code ](} ends (its {@code )}), or -1; remembered for the bracket. The scan also
         * stops at a bracket, so the scans for different brackets never overlap: {@code [](} repeated stays linear.
         */
        int urlEnd(int close, int to) {
            if (close == urlFor) {
                return urlEndFound;
            }
            urlFor = close;
            urlEndFound = -1;
            int depth = 0;
            for (int j = close + 2; j < to; j++) {
                char ch = text.charAt(j);
                if (Character.isWhitespace(ch) || ch < ' ' || ch == '[' || ch == ']') {
                    break;
                }
                if (ch == '(') {
                    depth++;
                } else if (ch == ')') {
                    if (depth == 0) {
                        urlEndFound = j;
                        break;
                    }
                    depth--;
                }
            }
            return urlEndFound;
        }
    }
}
