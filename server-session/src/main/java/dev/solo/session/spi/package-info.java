/**
 * What session store modules implement: a {@link dev.solo.session.spi.SessionStoreProvider} found with
 * {@link java.util.ServiceLoader} and named by {@code session_store NAME;}, which builds a
 * {@link dev.solo.session.spi.SessionStore} from {@link dev.solo.session.spi.SessionSettings}. Stores keep
 * {@link dev.solo.session.spi.SessionData} and look it up by {@link dev.solo.session.spi.SessionIds#lookupKey}.
 */
package dev.solo.session.spi;
