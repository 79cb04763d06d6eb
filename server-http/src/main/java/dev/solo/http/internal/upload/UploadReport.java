package dev.solo.http.internal.upload;

import dev.solo.http.HeaderName;
import dev.solo.http.Response;
import dev.solo.http.Status;
import java.util.List;
import java.util.Locale;

/**
 * The 201 Created answer to an upload: {@code Location} names the (first) stored file (RFC 9110 §15.3.2), and the
 * body lists every stored file, as a small HTML page for people or as JSON for scripts that ask for it with
 * {@code Accept: application/json}.
 */
final class UploadReport {

    private UploadReport() {
    }

    /**
     * @param files the stored files, at least one
     * @param fields the ordinary form fields, listed in the JSON form only
     * @param accept the request's {@code Accept} value, or null
     * @return the response
     */
    static Response created(List<StoredFile> files, List<FormField> fields, String accept) {
        Response response = Response.of(Status.CREATED);
        String location = files.get(0).url();
        if (location != null) {
            response.header(HeaderName.LOCATION.canonical(), location);
        }
        if (prefersJson(accept)) {
            return response.body("application/json", json(files, fields));
        }
        return response.body("text/html; charset=utf-8", html(files));
    }

    /**
     * JSON when the client rates {@code application/json} above {@code text/html} (RFC 9110 §12.5.1); wildcards are
     * not weighed, so a browser's {@code text/html,...,*}{@code /*;q=0.8} gets HTML and an equal rating too.
     *
     * @param accept the {@code Accept} value, or null
     * @return true to answer JSON
     */
    static boolean prefersJson(String accept) {
        if (accept == null) {
            return false;
        }
        double json = 0;
        double html = 0;
        for (String range : accept.split(",")) {
            HeaderParameters parsed = HeaderParameters.parse(range);
            double quality = quality(parsed);
            if (parsed.value().equals("application/json")) {
                json = Math.max(json, quality);
            } else if (parsed.value().equals("text/html")) {
                html = Math.max(html, quality);
            }
        }
        return json > html;
    }

    private static double quality(HeaderParameters range) {
        String q = range.parameters().get("q");
        if (q == null) {
            return 1;
        }
        try {
            double value = Double.parseDouble(q);
            return value >= 0 && value <= 1 ? value : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String json(List<StoredFile> files, List<FormField> fields) {
        StringBuilder out = new StringBuilder("{\"files\":[");
        for (int i = 0; i < files.size(); i++) {
            StoredFile file = files.get(i);
            out.append(i == 0 ? "" : ",").append("{\"name\":");
            jsonString(out, file.name()).append(",\"url\":");
            if (file.url() == null) {
                out.append("null");
            } else {
                jsonString(out, file.url());
            }
            out.append(",\"size\":").append(file.size()).append('}');
        }
        out.append("],\"fields\":[");
        for (int i = 0; i < fields.size(); i++) {
            out.append(i == 0 ? "" : ",").append("{\"name\":");
            jsonString(out, fields.get(i).name()).append(",\"value\":");
            jsonString(out, fields.get(i).value()).append('}');
        }
        return out.append("]}").toString();
    }

    /** Appends a JSON string (RFC 8259 §7); {@code <} is escaped too, so the text is safe inside HTML. */
    private static StringBuilder jsonString(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c == '<' || c == 0x2028 || c == 0x2029) {
                out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"');
    }

    private static String html(List<StoredFile> files) {
        StringBuilder out = new StringBuilder(256)
                .append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Upload complete</title></head>\n")
                .append("<body><h1>Stored ").append(files.size()).append(files.size() == 1 ? " file" : " files")
                .append("</h1>\n<ul>\n");
        for (StoredFile file : files) {
            out.append("<li>");
            if (file.url() != null) {
                out.append("<a href=\"").append(escapeHtml(file.url())).append("\">")
                        .append(escapeHtml(file.name())).append("</a>");
            } else {
                out.append(escapeHtml(file.name()));
            }
            out.append(" (").append(file.size()).append(file.size() == 1 ? " byte" : " bytes").append(")</li>\n");
        }
        return out.append("</ul>\n</body></html>\n").toString();
    }

    private static String escapeHtml(String text) {
        return dev.solo.http.Html.escape(text);
    }
}
