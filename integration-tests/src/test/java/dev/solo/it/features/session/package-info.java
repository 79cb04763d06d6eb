/**
 * Sessions end to end through a cookie-keeping client: the demo's counter, log-in with a new id, log-out, forged
 * cookies, pages that never start a session, the idle timeout, and the file store across a restart.
 */
package dev.solo.it.features.session;
