package dev.solo.session.spi;

import dev.solo.core.EventLoop;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Where sessions live between requests. Built by a {@link SessionStoreProvider}, one per server block; used by the
 * session manager on the loop thread only.
 *
 * <p>Ids reaching a store are always well formed ({@link SessionIds#isWellFormed(String)}): the manager checks what a
 * client sends before calling {@link #find(String)}. A store files sessions by {@link SessionIds#lookupKey(String)}
 * and confirms a hit with {@link SessionIds#sameId(String, String)}.
 *
 * <p>A store enforces its settings: it never returns a session past its idle timeout or absolute lifetime, and keeps
 * at most {@link SessionSettings#maxSessions()} sessions, dropping the least recently used one to make room: first
 * those whose client never came back (made by {@link #create} and never {@link #find found} since), so that a flood of
 * cookieless requests cannot push out the sessions of returning visitors. Failures of the medium (a full disk, for
 * instance) surface as {@link java.io.UncheckedIOException}.
 *
 * <p><b>Stores across the network.</b> Lookups are asynchronous: {@link #find} returns a stage that a store in memory
 * or on disk completes before returning ({@link #answersAtOnce()} true), and a store across the network completes
 * later, on the loop thread, when its server answers (and never blocks or starts a thread to do so). The session
 * manager then looks the session up before the request's handlers run and the exchange waits for the answer, so
 * handlers still see the session synchronously. Writes ({@link #create}, {@link #touch}, {@link #save},
 * {@link #changeId}, {@link #remove}) stay fire-and-forget: such a store sends them and reports failures in its log.
 */
public interface SessionStore {

    /**
     * Gives the store the loop to drive its expiry timers; called once, on the loop thread, before any other method
     * the loop calls. A store must not need it for correctness: sessions past their deadline are refused on lookup
     * whether or not a timer removed them yet.
     *
     * @param loop the server's loop
     */
    default void attach(EventLoop loop) {
    }

    /**
     * Starts and keeps a new session, created and last accessed now, without attributes.
     *
     * @param id a fresh id from {@link SessionIds#next()}
     * @return the session
     */
    SessionData create(String id);

    /**
     * Looks a session up. A session past its deadline is removed and not returned. Finding a session does not by
     * itself extend it: call {@link #touch(SessionData)} for that; it does establish it (its client came back), so
     * that evictions spare it.
     *
     * @param id a well-formed id sent by the client
     * @return the live session or empty, completed at once by stores that {@link #answersAtOnce()}; completed
     *         exceptionally when the store is unavailable
     */
    CompletionStage<Optional<SessionData>> find(String id);

    /**
     * @return true when {@link #find} completes before returning (memory, files); false for a store across the
     *         network, whose lookups the manager starts before the handlers run
     */
    default boolean answersAtOnce() {
        return true;
    }

    /**
     * @return false while the store knows it cannot serve (its server is down); pages that need a session then answer
     *         503 at once instead of waiting for a lookup to time out
     */
    default boolean isAvailable() {
        return true;
    }

    /**
     * Records a use of the session now: restarts its idle timeout and makes it the most recently used.
     *
     * @param session a session returned by this store
     */
    void touch(SessionData session);

    /**
     * Keeps the session's current attributes (a no-op for stores that hold the objects themselves).
     *
     * @param session a session returned by this store
     */
    void save(SessionData session);

    /**
     * Moves a session to a new id, keeping its attributes and its creation time, so the absolute lifetime still
     * counts from the start; the old id stops working at once.
     *
     * @param session a session returned by this store
     * @param newId a fresh id from {@link SessionIds#next()}
     */
    void changeId(SessionData session, String newId);

    /**
     * Ends a session; a no-op when there is none with that id.
     *
     * @param id the session id
     */
    void remove(String id);

    /**
     * @return the number of sessions kept, including any past their deadline that no timer removed yet; a store
     *         shared with other processes counts only what this process knows of
     */
    int count();

    /** Releases the store's resources: cancels timers. Sessions kept in files stay for the next start. */
    default void close() {
    }
}
