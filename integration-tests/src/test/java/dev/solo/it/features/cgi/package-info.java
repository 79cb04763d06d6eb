/**
 * CGI/1.1 (RFC 3875) with the demo's scripts and the tests' own in Python, Perl, bash and PHP: the environment, request
 * bodies, redirects, status and cookies; failures (timeout, crash, garbage, missing); the loop serving others while
 * scripts run; the process limit; and that nothing (process, zombie, temporary file) is left behind.
 */
package dev.solo.it.features.cgi;
