/**
 * The {@code markdown} handler type: Markdown files served as HTML pages.
 *
 * <h2>Directives</h2>
 * <ul>
 *   <li>{@code markdown on|off;} (server, location; inherited downward, off by default): where it is on, a GET or
 *       HEAD of a path ending in {@code .md} is rendered.</li>
 *   <li>{@code markdown_css URL;} (server, location; inherited): a style sheet linked from every rendered page, as
 *       an absolute path ({@code /css/site.css}) or an {@code http(s)} URL. Without it the page carries a small
 *       built-in style.</li>
 * </ul>
 *
 * <h2>What is taken and what is declined</h2>
 * The handler takes a request only when all of these hold: the method is GET or HEAD; the decoded path ends in
 * {@code .md} (in any letter case); the location maps the path to a file ({@code root} or {@code alias}); that file is
 * a readable regular file of at most 1 MiB (1,048,576 bytes).
 * Otherwise it declines, and the next handler in the chain decides: usually the static file handler, which serves a
 * larger file unrendered (by {@code sendfile}, without reading it into memory) and answers 403/404 for files that are
 * unreadable or missing. Declining rather than answering an error keeps every file-system status in one place.
 *
 * <p>{@code ?raw} (alone or among other query parameters) answers the text itself as
 * {@code text/markdown; charset=utf-8} (RFC 7763).
 *
 * <h2>The Markdown subset</h2>
 * Written for this module, small on purpose: ATX headings ({@code #} to {@code ######}), paragraphs, {@code *em*}
 * and {@code _em_}, {@code **strong**} and {@code __strong__}, {@code `code`}, fenced code blocks ({@code ```} or
 * {@code ~~~}, with an optional language), links {@code [text](url)}, unordered ({@code - * +}) and ordered
 * ({@code 1.} or {@code 1)}) lists, thematic breaks ({@code ---}) and backslash escapes. Not supported: raw HTML,
 * block quotes, tables, images, nested lists, indented code blocks, setext headings, reference links and link
 * titles; such text comes out as literal text.
 *
 * <h2>Safety</h2>
 * The text is HTML-escaped before any Markdown is recognised, so the only markup in a page is the markup the renderer
 * writes itself: a {@code <script>} in a file comes out as visible text. Link targets are kept only when they are
 * relative or use {@code http}, {@code https} or {@code mailto}; a {@code javascript:} link becomes plain text.
 * Pages are sent with {@code Content-Security-Policy: script-src 'none'} as a second line of defence, and every
 * response with {@code X-Content-Type-Options: nosniff}. Rendering time is linear in the file size (delimiter
 * searches remember where they failed), so a hostile file cannot make the loop spin.
 *
 * <h2>Blocking</h2>
 * Like the static file handler's metadata reads, the handler reads the file on the loop thread: one bounded read of
 * at most 1 MiB from a local disk, which is brief. Anything slower (a network file system) would need the reading
 * moved off the loop, which this module does not do.
 */
package dev.solo.examples.markdown;
