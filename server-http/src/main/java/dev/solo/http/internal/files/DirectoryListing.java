package dev.solo.http.internal.files;

import dev.solo.http.Location;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The {@code autoindex} page: directories first, then files, by name; names HTML-escaped, links percent-encoded.
 * Hidden entries (a leading dot, such as an upload's temporary file) are not listed, nor are symbolic links that do
 * not lead to a file inside the root.
 */
final class DirectoryListing {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);
    /** A listing stops here: a directory with a million files must not cost a million-row page. */
    private static final int MAX_ENTRIES = 10_000;

    private DirectoryListing() {
    }

    private record Entry(String name, boolean directory, long size, long modified) {
    }

    /**
     * @param requestPath the decoded request path of the directory, ending in {@code /}
     * @param directory the directory
     * @param location the location serving it, which decides whether a symbolic link may be followed
     * @return the page
     * @throws IOException when the directory itself cannot be read
     */
    static String render(String requestPath, Path directory, Location location) throws IOException {
        List<Entry> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory)) {
            for (Path child : stream) {
                String name = child.getFileName().toString();
                if (name.startsWith(".")) {
                    continue;
                }
                if (entries.size() >= MAX_ENTRIES) {
                    break;
                }
                BasicFileAttributes attrs = attributes(child, requestPath + name, location);
                if (attrs != null) {
                    entries.add(new Entry(name, attrs.isDirectory(), attrs.size(),
                            attrs.lastModifiedTime().toMillis()));
                }
            }
        }
        entries.sort(Comparator.comparing((Entry e) -> !e.directory()).thenComparing(Entry::name));
        String title = "Index of " + escapeHtml(requestPath);
        StringBuilder html = new StringBuilder(512 + entries.size() * 160);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>")
                .append(title).append("</title><style>")
                .append("body{font-family:system-ui,sans-serif;margin:2rem;color:#1d2330}")
                .append("table{border-collapse:collapse;min-width:40rem}td,th{padding:.35rem .9rem;text-align:left}")
                .append("tr:nth-child(even){background:#f3f4f7}td.n{text-align:right;font-variant-numeric:tabular-nums}")
                .append("a{color:#1f5fbf;text-decoration:none}a:hover{text-decoration:underline}")
                .append("</style></head><body><h1>").append(title).append("</h1><table>")
                .append("<tr><th>Name</th><th>Size</th><th>Modified (UTC)</th></tr>");
        if (!requestPath.equals("/")) {
            html.append("<tr><td><a href=\"../\">../</a></td><td></td><td></td></tr>");
        }
        for (Entry entry : entries) {
            String link = URLEncoder.encode(entry.name(), StandardCharsets.UTF_8).replace("+", "%20")
                    + (entry.directory() ? "/" : "");
            html.append("<tr><td><a href=\"").append(link).append("\">").append(escapeHtml(entry.name()))
                    .append(entry.directory() ? "/" : "").append("</a></td><td class=\"n\">")
                    .append(entry.directory() ? "-" : Long.toString(entry.size())).append("</td><td>")
                    .append(WHEN.format(Instant.ofEpochMilli(entry.modified()))).append("</td></tr>");
        }
        html.append("</table></body></html>\n");
        return html.toString();
    }

    /**
     * An entry's attributes, or null to leave it out: one that vanished since the directory was read, and a symbolic
     * link that does not lead to a file inside the root (dangling, a loop, or out of the root). Such a link could not
     * be served anyway, and its target's size and date are not the visitor's to see. A link inside the root is listed
     * with its target's attributes, as the request for it would serve the target.
     */
    private static BasicFileAttributes attributes(Path child, String requestPath, Location location) {
        try {
            BasicFileAttributes own = Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!own.isSymbolicLink()) {
                return own;
            }
            if (location.resolve(requestPath).isEmpty()) {
                return null;
            }
            return Files.readAttributes(child, BasicFileAttributes.class);
        } catch (IOException | InvalidPathException e) {
            return null;
        }
    }

    static String escapeHtml(String text) {
        return dev.solo.http.Html.escape(text);
    }
}
