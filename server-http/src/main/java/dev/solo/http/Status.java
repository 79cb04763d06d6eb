package dev.solo.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A response status: code, reason phrase and the pre-encoded status line ({@code HTTP/1.1 404 Not Found\r\n}).
 *
 * <p>The server always answers with version {@code HTTP/1.1}, the highest version it conforms to (RFC 9112 §2.3),
 * whatever the request's minor version. Reason phrases follow RFC 9110 §15; clients must ignore them (RFC 9112 §4),
 * so codes without a registered phrase get a generic one for their class.
 *
 * <p>Instances are immutable. The standard ones are constants; {@link #of(int)} returns them for their codes and
 * creates a new instance for any other code in 100..999. Equality is by code.
 */
public final class Status {

    private static final Status[] STANDARD = new Status[1000];

    /** 100 Continue (RFC 9110 §15.2.1). */
    public static final Status CONTINUE = standard(100, "Continue");
    /** 101 Switching Protocols (RFC 9110 §15.2.2). */
    public static final Status SWITCHING_PROTOCOLS = standard(101, "Switching Protocols");
    /** 200 OK (RFC 9110 §15.3.1). */
    public static final Status OK = standard(200, "OK");
    /** 201 Created (RFC 9110 §15.3.2). */
    public static final Status CREATED = standard(201, "Created");
    /** 202 Accepted (RFC 9110 §15.3.3). */
    public static final Status ACCEPTED = standard(202, "Accepted");
    /** 203 Non-Authoritative Information (RFC 9110 §15.3.4). */
    public static final Status NON_AUTHORITATIVE_INFORMATION = standard(203, "Non-Authoritative Information");
    /** 204 No Content (RFC 9110 §15.3.5). */
    public static final Status NO_CONTENT = standard(204, "No Content");
    /** 205 Reset Content (RFC 9110 §15.3.6). */
    public static final Status RESET_CONTENT = standard(205, "Reset Content");
    /** 206 Partial Content (RFC 9110 §15.3.7). */
    public static final Status PARTIAL_CONTENT = standard(206, "Partial Content");
    /** 300 Multiple Choices (RFC 9110 §15.4.1). */
    public static final Status MULTIPLE_CHOICES = standard(300, "Multiple Choices");
    /** 301 Moved Permanently (RFC 9110 §15.4.2). */
    public static final Status MOVED_PERMANENTLY = standard(301, "Moved Permanently");
    /** 302 Found (RFC 9110 §15.4.3). */
    public static final Status FOUND = standard(302, "Found");
    /** 303 See Other (RFC 9110 §15.4.4). */
    public static final Status SEE_OTHER = standard(303, "See Other");
    /** 304 Not Modified (RFC 9110 §15.4.5). */
    public static final Status NOT_MODIFIED = standard(304, "Not Modified");
    /** 307 Temporary Redirect (RFC 9110 §15.4.8). */
    public static final Status TEMPORARY_REDIRECT = standard(307, "Temporary Redirect");
    /** 308 Permanent Redirect (RFC 9110 §15.4.9). */
    public static final Status PERMANENT_REDIRECT = standard(308, "Permanent Redirect");
    /** 400 Bad Request (RFC 9110 §15.5.1). */
    public static final Status BAD_REQUEST = standard(400, "Bad Request");
    /** 401 Unauthorized (RFC 9110 §15.5.2). */
    public static final Status UNAUTHORIZED = standard(401, "Unauthorized");
    /** 403 Forbidden (RFC 9110 §15.5.4). */
    public static final Status FORBIDDEN = standard(403, "Forbidden");
    /** 404 Not Found (RFC 9110 §15.5.5). */
    public static final Status NOT_FOUND = standard(404, "Not Found");
    /** 405 Method Not Allowed (RFC 9110 §15.5.6). */
    public static final Status METHOD_NOT_ALLOWED = standard(405, "Method Not Allowed");
    /** 406 Not Acceptable (RFC 9110 §15.5.7). */
    public static final Status NOT_ACCEPTABLE = standard(406, "Not Acceptable");
    /** 408 Request Timeout (RFC 9110 §15.5.9). */
    public static final Status REQUEST_TIMEOUT = standard(408, "Request Timeout");
    /** 409 Conflict (RFC 9110 §15.5.10). */
    public static final Status CONFLICT = standard(409, "Conflict");
    /** 410 Gone (RFC 9110 §15.5.11). */
    public static final Status GONE = standard(410, "Gone");
    /** 411 Length Required (RFC 9110 §15.5.12). */
    public static final Status LENGTH_REQUIRED = standard(411, "Length Required");
    /** 412 Precondition Failed (RFC 9110 §15.5.13). */
    public static final Status PRECONDITION_FAILED = standard(412, "Precondition Failed");
    /** 413 Content Too Large (RFC 9110 §15.5.14). */
    public static final Status CONTENT_TOO_LARGE = standard(413, "Content Too Large");
    /** 414 URI Too Long (RFC 9110 §15.5.15). */
    public static final Status URI_TOO_LONG = standard(414, "URI Too Long");
    /** 415 Unsupported Media Type (RFC 9110 §15.5.16). */
    public static final Status UNSUPPORTED_MEDIA_TYPE = standard(415, "Unsupported Media Type");
    /** 416 Range Not Satisfiable (RFC 9110 §15.5.17). */
    public static final Status RANGE_NOT_SATISFIABLE = standard(416, "Range Not Satisfiable");
    /** 417 Expectation Failed (RFC 9110 §15.5.18). */
    public static final Status EXPECTATION_FAILED = standard(417, "Expectation Failed");
    /** 421 Misdirected Request (RFC 9110 §15.5.20). */
    public static final Status MISDIRECTED_REQUEST = standard(421, "Misdirected Request");
    /** 422 Unprocessable Content (RFC 9110 §15.5.21). */
    public static final Status UNPROCESSABLE_CONTENT = standard(422, "Unprocessable Content");
    /** 426 Upgrade Required (RFC 9110 §15.5.22). */
    public static final Status UPGRADE_REQUIRED = standard(426, "Upgrade Required");
    /** 428 Precondition Required (RFC 6585 §3). */
    public static final Status PRECONDITION_REQUIRED = standard(428, "Precondition Required");
    /** 429 Too Many Requests (RFC 6585 §4). */
    public static final Status TOO_MANY_REQUESTS = standard(429, "Too Many Requests");
    /** 431 Request Header Fields Too Large (RFC 6585 §5). */
    public static final Status REQUEST_HEADER_FIELDS_TOO_LARGE = standard(431, "Request Header Fields Too Large");
    /** 500 Internal Server Error (RFC 9110 §15.6.1). */
    public static final Status INTERNAL_SERVER_ERROR = standard(500, "Internal Server Error");
    /** 501 Not Implemented (RFC 9110 §15.6.2). */
    public static final Status NOT_IMPLEMENTED = standard(501, "Not Implemented");
    /** 502 Bad Gateway (RFC 9110 §15.6.3). */
    public static final Status BAD_GATEWAY = standard(502, "Bad Gateway");
    /** 503 Service Unavailable (RFC 9110 §15.6.4). */
    public static final Status SERVICE_UNAVAILABLE = standard(503, "Service Unavailable");
    /** 504 Gateway Timeout (RFC 9110 §15.6.5). */
    public static final Status GATEWAY_TIMEOUT = standard(504, "Gateway Timeout");
    /** 505 HTTP Version Not Supported (RFC 9110 §15.6.6). */
    public static final Status HTTP_VERSION_NOT_SUPPORTED = standard(505, "HTTP Version Not Supported");
    /** 507 Insufficient Storage (RFC 4918 §11.5). */
    public static final Status INSUFFICIENT_STORAGE = standard(507, "Insufficient Storage");

    private final int code;
    private final String reasonPhrase;
    private final byte[] statusLine;

    private Status(int code, String reasonPhrase) {
        this.code = code;
        this.reasonPhrase = reasonPhrase;
        this.statusLine = ("HTTP/1.1 " + code + ' ' + reasonPhrase + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static Status standard(int code, String reasonPhrase) {
        Status status = new Status(code, reasonPhrase);
        STANDARD[code] = status;
        return status;
    }

    /**
     * Returns the status for a code: the constant for a standard code, otherwise a new instance with a generic
     * reason phrase for its class ("Success", "Client Error", ...).
     *
     * @param code a three-digit status code, 100..999 (RFC 9110 §15)
     * @return the status
     * @throws IllegalArgumentException if the code is outside 100..999
     */
    public static Status of(int code) {
        if (code < 100 || code > 999) {
            throw new IllegalArgumentException("status code must be 100..999: " + code);
        }
        Status known = STANDARD[code];
        return known != null ? known : new Status(code, genericReason(code));
    }

    private static String genericReason(int code) {
        switch (code / 100) {
            case 1:
                return "Informational";
            case 2:
                return "Success";
            case 3:
                return "Redirection";
            case 4:
                return "Client Error";
            case 5:
                return "Server Error";
            default:
                return "Unknown";
        }
    }

    /** @return the three-digit code */
    public int code() {
        return code;
    }

    /** @return the reason phrase, e.g. {@code "Not Found"} */
    public String reasonPhrase() {
        return reasonPhrase;
    }

    /**
     * Whether a response with this status may carry content. 1xx, 204 and 304 never do (RFC 9112 §6.3 item 1).
     *
     * @return false for 1xx, 204 and 304
     */
    public boolean allowsBody() {
        return code >= 200 && code != 204 && code != 304;
    }

    /** @return true for 1xx statuses, which precede the final response (RFC 9110 §15.2) */
    public boolean isInformational() {
        return code < 200;
    }

    /** @return true for 4xx and 5xx statuses */
    public boolean isError() {
        return code >= 400;
    }

    /** @return the length in bytes of the pre-encoded status line, CRLF included */
    public int statusLineLength() {
        return statusLine.length;
    }

    /**
     * Writes the pre-encoded status line, e.g. {@code HTTP/1.1 404 Not Found\r\n}.
     *
     * @param out the buffer; needs {@link #statusLineLength()} bytes of room
     */
    public void writeStatusLine(ByteBuffer out) {
        out.put(statusLine);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Status && ((Status) other).code == code;
    }

    @Override
    public int hashCode() {
        return code;
    }

    /** @return code and reason phrase, e.g. {@code "404 Not Found"} */
    @Override
    public String toString() {
        return code + " " + reasonPhrase;
    }
}
