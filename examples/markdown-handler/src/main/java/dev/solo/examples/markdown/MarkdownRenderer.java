package dev.solo.examples.markdown;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The block structure of a Markdown document: headings, paragraphs, fenced code blocks, lists and thematic breaks,
 * one pass over the lines. The text of each block is HTML-escaped before {@link InlineRenderer} looks at it; code
 * blocks are only escaped.
 *
 * <p>Simplifications, on purpose: a line of {@code ---} is always a thematic break (no setext headings), nested
 * lists are flattened into their parent, and a list item's continuation lines are joined to its text.
 */
final class MarkdownRenderer {

    private static final Pattern LINE_END = Pattern.compile("\r\n|\r|\n");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");

    private final String[] lines;
    private final StringBuilder out;
    private String title;
    private int next;

    private MarkdownRenderer(String markdown) {
        this.lines = LINE_END.split(markdown, -1);
        this.out = new StringBuilder(markdown.length() + markdown.length() / 4 + 64);
    }

    /**
     * A rendered document.
     *
     * @param html the HTML of the body
     * @param title the text of the first heading, escaped and without markup, if there is a heading
     */
    record Document(String html, Optional<String> title) {
    }

    /**
     * @param markdown the document text
     * @return its HTML and title
     */
    static Document render(String markdown) {
        MarkdownRenderer renderer = new MarkdownRenderer(markdown);
        renderer.blocks();
        return new Document(renderer.out.toString(), Optional.ofNullable(renderer.title));
    }

    private void blocks() {
        while (next < lines.length) {
            String line = lines[next];
            if (line.isBlank()) {
                next++;
            } else if (Fence.open(line) != null) {
                codeBlock(Fence.open(line));
            } else if (headingLevel(line) > 0) {
                heading(line);
            } else if (isThematicBreak(line)) {
                out.append("<hr>\n");
                next++;
            } else if (ListItem.parse(line) != null) {
                list(ListItem.parse(line));
            } else {
                paragraph();
            }
        }
    }

    // ---- blocks ----

    private void codeBlock(Fence fence) {
        next++;
        StringBuilder code = new StringBuilder();
        while (next < lines.length && !fence.closedBy(lines[next])) {
            code.append(fence.strip(lines[next])).append('\n');
            next++;
        }
        next++; // the closing fence; an unclosed block runs to the end of the document (CommonMark 4.5)
        out.append("<pre><code");
        if (!fence.language.isEmpty()) {
            out.append(" class=\"language-").append(fence.language).append('"');
        }
        out.append('>').append(Html.escape(code)).append("</code></pre>\n");
    }

    private void heading(String line) {
        int level = headingLevel(line);
        String html = inline(headingText(line, level));
        if (title == null) {
            // Our own markup is the only markup in the HTML, so dropping tags leaves escaped text.
            title = TAG.matcher(html).replaceAll("").strip();
        }
        out.append("<h").append(level).append('>').append(html).append("</h").append(level).append(">\n");
        next++;
    }

    private void paragraph() {
        StringBuilder text = new StringBuilder(lines[next].strip());
        next++;
        while (next < lines.length && !lines[next].isBlank() && !startsBlock(lines[next])) {
            text.append('\n').append(lines[next].strip());
            next++;
        }
        out.append("<p>").append(inline(text.toString())).append("</p>\n");
    }

    private void list(ListItem first) {
        List<StringBuilder> items = new ArrayList<>();
        items.add(new StringBuilder(first.text));
        next++;
        boolean afterBlank = false;
        while (next < lines.length) {
            String line = lines[next];
            if (line.isBlank()) {
                afterBlank = true;
                next++;
                continue;
            }
            ListItem item = ListItem.parse(line);
            if (item != null && !isThematicBreak(line)) {
                if (!item.sameListAs(first)) {
                    break;
                }
                items.add(new StringBuilder(item.text));
            } else if (startsBlock(line) || (afterBlank && !Character.isWhitespace(line.charAt(0)))) {
                break;
            } else {
                // An indented line, or a lazy one right after the item: more text of the same item.
                items.get(items.size() - 1).append('\n').append(line.strip());
            }
            afterBlank = false;
            next++;
        }
        String tag = first.ordered ? "ol" : "ul";
        out.append('<').append(tag);
        if (first.ordered && first.number != 1) {
            out.append(" start=\"").append(first.number).append('"');
        }
        out.append(">\n");
        for (StringBuilder item : items) {
            out.append("<li>").append(inline(item.toString().strip())).append("</li>\n");
        }
        out.append("</").append(tag).append(">\n");
    }

    private static String inline(String text) {
        return InlineRenderer.render(Html.escape(text));
    }

    // ---- line classification ----

    private static boolean startsBlock(String line) {
        return Fence.open(line) != null || headingLevel(line) > 0 || isThematicBreak(line)
                || ListItem.parse(line) != null;
    }

    /** Up to three spaces of indentation, as CommonMark allows before a block marker; -1 for more (or a tab). */
    private static int indent(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i <= 3 && (i == line.length() || line.charAt(i) != '\t') ? i : -1;
    }

    /** @return 1 to 6 for an ATX heading ({@code #} to {@code ######} then a space or the end), else 0 */
    private static int headingLevel(String line) {
        int i = indent(line);
        if (i < 0) {
            return 0;
        }
        int hashes = 0;
        while (i + hashes < line.length() && line.charAt(i + hashes) == '#') {
            hashes++;
        }
        int after = i + hashes;
        boolean separated = after == line.length() || line.charAt(after) == ' ' || line.charAt(after) == '\t';
        return hashes >= 1 && hashes <= 6 && separated ? hashes : 0;
    }

    /** The heading's text without the opening hashes and without an optional closing run of hashes. */
    private static String headingText(String line, int level) {
        String text = line.substring(indent(line) + level).strip();
        int last = text.length() - 1;
        while (last >= 0 && text.charAt(last) == '#') {
            last--;
        }
        if (last < 0) {
            return "";
        }
        if (last < text.length() - 1 && (text.charAt(last) == ' ' || text.charAt(last) == '\t')) {
            return text.substring(0, last).strip();
        }
        return text;
    }

    /** Three or more of the same {@code - * _}, with nothing else but spaces. */
    private static boolean isThematicBreak(String line) {
        int i = indent(line);
        if (i < 0) {
            return false;
        }
        char marker = 0;
        int count = 0;
        for (; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == ' ' || c == '\t') {
                continue;
            }
            if ((c != '-' && c != '*' && c != '_') || (marker != 0 && c != marker)) {
                return false;
            }
            marker = c;
            count++;
        }
        return count >= 3;
    }

    /** An opening code fence: three or more backticks or tildes, then an optional info string. */
    private static final class Fence {
        private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z0-9_+-]{1,32}");

        private final char marker;
        private final int length;
        private final int indent;
        private final String language;

        private Fence(char marker, int length, int indent, String language) {
            this.marker = marker;
            this.length = length;
            this.indent = indent;
            this.language = language;
        }

        static Fence open(String line) {
            int i = indent(line);
            if (i < 0 || i >= line.length() || (line.charAt(i) != '`' && line.charAt(i) != '~')) {
                return null;
            }
            char marker = line.charAt(i);
            int length = 0;
            while (i + length < line.length() && line.charAt(i + length) == marker) {
                length++;
            }
            String info = line.substring(i + length).strip();
            if (length < 3 || (marker == '`' && info.indexOf('`') >= 0)) {
                return null;
            }
            return new Fence(marker, length, i, language(info));
        }

        /** The first word of the info string, kept only if it is a plain name, as it goes into a class attribute. */
        private static String language(String info) {
            int end = 0;
            while (end < info.length() && info.charAt(end) != ' ' && info.charAt(end) != '\t') {
                end++;
            }
            String word = info.substring(0, end);
            return LANGUAGE.matcher(word).matches() ? word : "";
        }

        boolean closedBy(String line) {
            int i = indent(line);
            if (i < 0) {
                return false;
            }
            int run = 0;
            while (i + run < line.length() && line.charAt(i + run) == marker) {
                run++;
            }
            return run >= length && line.substring(i + run).isBlank();
        }

        /** Removes as much indentation from a content line as the opening fence had (CommonMark 4.5). */
        String strip(String line) {
            int i = 0;
            while (i < indent && i < line.length() && line.charAt(i) == ' ') {
                i++;
            }
            return line.substring(i);
        }
    }

    /** The start of a list item: {@code - * +} or a number with {@code .} or {@code )}, then a space or the end. */
    private static final class ListItem {
        private final boolean ordered;
        private final char delimiter;
        private final int number;
        private final String text;

        private ListItem(boolean ordered, char delimiter, int number, String text) {
            this.ordered = ordered;
            this.delimiter = delimiter;
            this.number = number;
            this.text = text;
        }

        static ListItem parse(String line) {
            int i = indent(line);
            if (i < 0 || i >= line.length()) {
                return null;
            }
            char c = line.charAt(i);
            if (c == '-' || c == '*' || c == '+') {
                return separated(line, i + 1) ? new ListItem(false, c, 0, line.substring(i + 1)) : null;
            }
            int digits = 0;
            while (i + digits < line.length() && digits <= 9 && line.charAt(i + digits) >= '0'
                    && line.charAt(i + digits) <= '9') {
                digits++;
            }
            int after = i + digits;
            if (digits == 0 || digits > 9 || after >= line.length()
                    || (line.charAt(after) != '.' && line.charAt(after) != ')') || !separated(line, after + 1)) {
                return null;
            }
            return new ListItem(true, line.charAt(after), Integer.parseInt(line.substring(i, after)),
                    line.substring(after + 1));
        }

        private static boolean separated(String line, int at) {
            return at == line.length() || line.charAt(at) == ' ' || line.charAt(at) == '\t';
        }

        /** CommonMark starts a new list when the bullet character or the number delimiter changes. */
        boolean sameListAs(ListItem other) {
            return ordered == other.ordered && delimiter == other.delimiter;
        }
    }
}
