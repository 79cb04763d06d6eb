/**
 * A small Redis client that runs on the server's own event loop, for the {@code redis} session store.
 *
 * <p><b>Why not a Redis library.</b> Solo has one thread with one {@link java.nio.channels.Selector}, and nothing may
 * block it. Every maintained Java Redis client brings an event loop or threads of its own (Lettuce and Redisson run
 * on Netty's event loop groups, Jedis blocks the calling thread, Vert.x Redis needs a Vert.x context); none can be
 * driven by a foreign selector without threads. A session store needs six commands ({@code GET}, {@code SET},
 * {@code PEXPIRE}, {@code DEL}, {@code AUTH}, {@code SELECT}) and the five RESP2 reply types, so the few hundred
 * lines here ({@link dev.solo.session.internal.redis.RespWriter}, {@link dev.solo.session.internal.redis.RespReader},
 * {@link dev.solo.session.internal.redis.RedisClient}) cost less than a dependency that would break the one-thread
 * model. They cover pipelining, a bounded queue of pending commands, a timeout on every command, reconnection with
 * back-off, and one log line per outage; not TLS, Sentinel, Cluster or RESP3.
 */
package dev.solo.session.internal.redis;
