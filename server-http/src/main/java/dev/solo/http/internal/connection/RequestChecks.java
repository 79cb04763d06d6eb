package dev.solo.http.internal.connection;

import dev.solo.http.HttpException;
import dev.solo.http.Method;
import dev.solo.http.Status;
import dev.solo.http.TlsInfo;
import dev.solo.http.codec.PathDecoder;
import dev.solo.http.codec.RequestHead;
import dev.solo.http.internal.routing.HostTable;
import dev.solo.http.internal.routing.RouteLocation;
import dev.solo.http.internal.routing.VirtualServer;

/**
 * The checks a request passes before any handler sees it, each failing with its status. {@link HttpExchange} runs
 * them in this order: the target ({@link #decodedPath}), the certificate ({@link #checkCertificate}), the method and
 * expectations ({@link #checkMethod}), the location ({@link #checkFound}, then, unless the request is
 * {@code OPTIONS}, {@link #checkAccepted}).
 */
final class RequestChecks {

    private RequestChecks() {
    }

    /**
     * The path the request is routed by.
     *
     * @param head the request's head
     * @return the decoded path, or {@code "*"} for the asterisk form of {@code OPTIONS}
     * @throws HttpException 501 for the authority form of {@code CONNECT}, 400 for a path that is invalid or climbs
     *         above the root
     */
    static String decodedPath(RequestHead head) {
        if (head.targetForm() == RequestHead.TargetForm.AUTHORITY) {
            // Only CONNECT uses authority-form; we are not a tunnel (RFC 9110 §9.3.6).
            throw new HttpException(Status.NOT_IMPLEMENTED, "CONNECT is not supported", false);
        }
        return head.targetForm() == RequestHead.TargetForm.ASTERISK ? "*" : PathDecoder.decode(head.path());
    }

    /**
     * Checks that the handshake was made with the settings of the server that {@code Host} names. Without SNI the
     * handshake used the default server's; that serves other hosts as nginx does, except a server that verifies
     * client certificates: its requests need its own handshake, or a client could skip {@code ssl_verify_client on}
     * by leaving SNI out.
     *
     * @param tls the connection's TLS session, or null for plain HTTP
     * @param hosts the address's servers
     * @param server the server {@code Host} names
     * @throws HttpException 421 when the client's server name (SNI) selects another server, or when it sent none
     *         and the server verifies client certificates (RFC 9110 §15.5.20)
     */
    static void checkCertificate(TlsInfo tls, HostTable hosts, VirtualServer server) {
        if (tls == null || hosts.select(tls.serverName()) == server) {
            return;
        }
        if (tls.serverName() != null) {
            throw new HttpException(Status.MISDIRECTED_REQUEST, "the Host is served by another certificate", false);
        }
        if (hosts.needsOwnHandshake(server)) {
            throw new HttpException(Status.MISDIRECTED_REQUEST,
                    "this host verifies client certificates: connect with its name (SNI)", false);
        }
    }

    /**
     * Checks that the server implements the method and meets the expectations.
     *
     * @param head the request's head
     * @param method its method, or null when the server does not know it
     * @throws HttpException 501 for an unknown method, {@code CONNECT} and {@code TRACE}; 417 for an expectation
     *         other than {@code 100-continue}
     */
    static void checkMethod(RequestHead head, Method method) {
        if (method == null) {
            throw new HttpException(Status.NOT_IMPLEMENTED, "unknown method", false);
        }
        if (method == Method.CONNECT || method == Method.TRACE) {
            throw new HttpException(Status.NOT_IMPLEMENTED, "method not implemented", false);
        }
        if (head.hasUnsupportedExpectation()) {
            throw new HttpException(Status.EXPECTATION_FAILED, "unsupported expectation", true);
        }
    }

    /**
     * Checks that a location serves the path.
     *
     * @param location the matching location, or null
     * @throws HttpException 404 when none does
     */
    static void checkFound(RouteLocation location) {
        if (location == null) {
            throw new HttpException(Status.NOT_FOUND, "not found", false);
        }
    }

    /**
     * Checks that the location takes the request: its announced body size, then its method.
     *
     * @param head the request's head
     * @param method its method
     * @param location the matching location
     * @throws HttpException 413 (closing) when the announced body is larger than {@code client_max_body_size}, 405
     *         with {@code Allow} when the location does not allow the method
     */
    static void checkAccepted(RequestHead head, Method method, RouteLocation location) {
        if (head.hasBody() && head.contentLength() > location.maxBodySize()) {
            // Known before reading: answer at once, never read the body (RFC 9110 §15.5.14), then close. Checked
            // before the method, as nginx does, so a too-large form gets its 413 page wherever it is posted.
            throw new HttpException(Status.CONTENT_TOO_LARGE, "request body too large", true);
        }
        if (!location.allows(method)) {
            throw HttpException.methodNotAllowed(location.allowHeader());
        }
    }
}
