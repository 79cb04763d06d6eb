package dev.solo.http.internal.files;

import dev.solo.config.ConfigException;
import dev.solo.http.HeaderName;
import dev.solo.http.Request;
import dev.solo.http.Response;
import dev.solo.http.internal.response.AcceptEncoding;
import dev.solo.http.internal.response.PolicyBuilder;
import dev.solo.http.spi.LocationContext;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code gzip_static on;} and {@code brotli_static on;}: a file made at build time next to the original
 * ({@code site.css.br}, {@code site.css.gz}) is sent in its place, as it is (zero-copy like any file), to a client
 * that accepts its coding, when it is not older than the original. The response keeps the original's
 * {@code Content-Type} and says {@code Content-Encoding} and {@code Vary: Accept-Encoding}; its validators are the
 * compressed file's own, so they differ from the original's. Brotli wins a tie in the client's q-values: it is the
 * smaller of the two. A request for {@code site.css.gz} itself is served as that file.
 *
 * <p>Whether the variants exist is checked at most once per {@link FileCache#VALID_MILLIS} per file, so a site
 * without them costs no system call per request. Bounded, least recently used first out. Loop thread only.
 */
final class Precompressed {

    /** What to send: the file itself or a variant, and whether the response varies by {@code Accept-Encoding}. */
    static final class Choice {
        /** The file to send, or null for the original. */
        final FileCache.Entry variant;
        final String coding;
        final boolean varies;

        Choice(FileCache.Entry variant, String coding, boolean varies) {
            this.variant = variant;
            this.coding = coding;
            this.varies = varies;
        }

        /**
         * @param original the requested file's entry
         * @return the entry to serve
         */
        FileCache.Entry entry(FileCache.Entry original) {
            return variant != null ? variant : original;
        }

        /** Adds the coding and {@code Vary} to a response built from {@link #entry}. */
        void describe(Response response) {
            if (coding != null) {
                response.header(HeaderName.CONTENT_ENCODING.canonical(), coding);
            }
            if (varies) {
                response.header(HeaderName.VARY.canonical(), "Accept-Encoding");
            }
        }
    }

    private static final Choice ORIGINAL = new Choice(null, null, false);
    private static final Choice ORIGINAL_VARIES = new Choice(null, null, true);
    private static final Precompressed OFF = new Precompressed(false, false, null);
    private static final int MAX_ENTRIES = 4096;

    /** The variants of one original, as last checked. */
    private static final class Variants {
        final FileCache.Entry original;
        final long checkedAt;
        final Choice gzip;
        final Choice brotli;

        Variants(FileCache.Entry original, long checkedAt, Choice gzip, Choice brotli) {
            this.original = original;
            this.checkedAt = checkedAt;
            this.gzip = gzip;
            this.brotli = brotli;
        }
    }

    private final boolean gzip;
    private final boolean brotli;
    private final FileCache files;
    private final LinkedHashMap<Path, Variants> known = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Path, Variants> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    private Precompressed(boolean gzip, boolean brotli, FileCache files) {
        this.gzip = gzip;
        this.brotli = brotli;
        this.files = files;
    }

    /**
     * @param location the location's directives
     * @param files the file cache the variants are looked up in
     * @return the location's setting
     * @throws ConfigException for a flag that is neither on nor off
     */
    static Precompressed create(LocationContext location, FileCache files) throws ConfigException {
        boolean gzip = PolicyBuilder.flag(location, "gzip_static", false);
        boolean brotli = PolicyBuilder.flag(location, "brotli_static", false);
        return gzip || brotli ? new Precompressed(gzip, brotli, files) : OFF;
    }

    /**
     * @param request the request
     * @param original the requested file
     * @param now the loop's clock
     * @return what to send
     */
    Choice choose(Request request, FileCache.Entry original, long now) {
        if (!gzip && !brotli) {
            return ORIGINAL;
        }
        Variants variants = known.get(original.file);
        if (variants == null || variants.original != original || now - variants.checkedAt >= FileCache.VALID_MILLIS) {
            variants = new Variants(original, now, gzip ? find(original, ".gz", "gzip", now) : null,
                    brotli ? find(original, ".br", "br", now) : null);
            known.put(original.file, variants);
        }
        if (variants.gzip == null && variants.brotli == null) {
            return ORIGINAL;
        }
        String accept = request.headers().get(HeaderName.ACCEPT_ENCODING);
        int br = variants.brotli == null ? 0 : AcceptEncoding.quality(accept, "br");
        int gz = variants.gzip == null ? 0 : AcceptEncoding.quality(accept, "gzip");
        if (br > 0 && br >= gz) {
            return variants.brotli;
        }
        return gz > 0 ? variants.gzip : ORIGINAL_VARIES;
    }

    /** The variant of a coding, if it is a regular file not older than the original. */
    private Choice find(FileCache.Entry original, String suffix, String coding, long now) {
        Path file = original.file.resolveSibling(original.file.getFileName() + suffix);
        try {
            FileCache.Entry entry = files.get(file, now);
            // Compared in whole seconds, the resolution of Last-Modified: a copy written in the same second as the
            // original (a build step, a git checkout) counts as current.
            if (entry.attributes.isRegularFile() && entry.modifiedMillis / 1000 >= original.modifiedMillis / 1000) {
                return new Choice(entry, coding, true);
            }
        } catch (IOException e) {
            // No variant: the original goes out (and on-the-fly gzip may still compress it).
        }
        return null;
    }
}
