package dev.solo.session.spi;

import dev.solo.config.Directive;
import dev.solo.config.SourcePosition;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * What a {@link SessionStoreProvider} builds a store from: the limits from the configuration, a clock, and access to
 * further directives for stores that declare their own. Immutable.
 *
 * <pre>{@code
 * SessionSettings settings = SessionSettings.create(b -> b.idleTimeout(Duration.ofMinutes(30))
 *         .maxSessions(1000).clock(fakeClock::millis));
 * }</pre>
 */
public final class SessionSettings {

    /** Default idle timeout ({@code session_timeout}): 30 minutes. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(30);
    /** Default absolute lifetime ({@code session_lifetime}): 24 hours. */
    public static final Duration DEFAULT_LIFETIME = Duration.ofHours(24);
    /** Default cap on live sessions ({@code session_max}). */
    public static final int DEFAULT_MAX_SESSIONS = 100_000;

    private final Duration idleTimeout;
    private final Duration lifetime;
    private final int maxSessions;
    private final Path directory;
    private final LongSupplier clock;
    private final SourcePosition position;
    private final Function<String, Optional<Directive>> directives;

    private SessionSettings(Builder b) {
        this.idleTimeout = b.idleTimeout;
        this.lifetime = b.lifetime;
        this.maxSessions = b.maxSessions;
        this.directory = b.directory;
        this.clock = b.clock;
        this.position = b.position;
        this.directives = b.directives;
    }

    /**
     * Builds settings in one expression.
     *
     * @param configurer sets what differs from the defaults
     * @return the settings
     * @throws IllegalArgumentException if a value is out of range
     */
    public static SessionSettings create(Consumer<Builder> configurer) {
        Builder builder = new Builder();
        configurer.accept(builder);
        return builder.build();
    }

    /** @return how long a session may go unused before it ends ({@code session_timeout}) */
    public Duration idleTimeout() {
        return idleTimeout;
    }

    /** @return how long a session may live however busy it is ({@code session_lifetime}) */
    public Duration lifetime() {
        return lifetime;
    }

    /** @return the most live sessions; beyond it the least recently used one is dropped ({@code session_max}) */
    public int maxSessions() {
        return maxSessions;
    }

    /** @return the directory of a store that keeps files ({@code session_dir}), if configured */
    public Optional<Path> directory() {
        return Optional.ofNullable(directory);
    }

    /** @return the clock, in epoch milliseconds */
    public LongSupplier clock() {
        return clock;
    }

    /** @return where the store was chosen in the configuration, for error messages */
    public SourcePosition position() {
        return position;
    }

    /**
     * Looks up a directive for the server block, then the top level: for stores with directives of their own.
     *
     * @param name a directive name
     * @return the nearest occurrence
     */
    public Optional<Directive> directive(String name) {
        return directives.apply(name);
    }

    /**
     * The moment a session ends unless used again: the earlier of idle timeout and absolute lifetime.
     *
     * @param createdAt when it began, in epoch milliseconds
     * @param lastAccessedAt when it was last used, in epoch milliseconds
     * @return its deadline in epoch milliseconds (saturated at {@link Long#MAX_VALUE})
     */
    public long deadline(long createdAt, long lastAccessedAt) {
        return Math.min(saturatedAdd(lastAccessedAt, idleTimeout.toMillis()),
                saturatedAdd(createdAt, lifetime.toMillis()));
    }

    /**
     * @param data a session
     * @return its deadline, as {@link #deadline(long, long)}
     */
    public long deadline(SessionData data) {
        return deadline(data.createdAt(), data.lastAccessedAt());
    }

    /**
     * @param data a session
     * @param now the time, in epoch milliseconds
     * @return true when its deadline has passed
     */
    public boolean isExpired(SessionData data, long now) {
        return now >= deadline(data);
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        // Overflow happened when both operands have the sign opposite to the sum (Hacker's Delight §2-13).
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }

    /** Collects {@link SessionSettings}; starts from the defaults. */
    public static final class Builder {

        private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
        private Duration lifetime = DEFAULT_LIFETIME;
        private int maxSessions = DEFAULT_MAX_SESSIONS;
        private Path directory;
        private LongSupplier clock = System::currentTimeMillis;
        private SourcePosition position = SourcePosition.ofFile(Path.of("(defaults)"));
        private Function<String, Optional<Directive>> directives = name -> Optional.empty();

        private Builder() {
        }

        /**
         * @param value positive
         * @return this builder
         */
        public Builder idleTimeout(Duration value) {
            this.idleTimeout = Objects.requireNonNull(value, "idleTimeout");
            return this;
        }

        /**
         * @param value positive
         * @return this builder
         */
        public Builder lifetime(Duration value) {
            this.lifetime = Objects.requireNonNull(value, "lifetime");
            return this;
        }

        /**
         * @param value 1 or more
         * @return this builder
         */
        public Builder maxSessions(int value) {
            this.maxSessions = value;
            return this;
        }

        /**
         * @param value the store's directory, or null for none
         * @return this builder
         */
        public Builder directory(Path value) {
            this.directory = value;
            return this;
        }

        /**
         * @param value the clock, in epoch milliseconds (wall time: file stores compare it across restarts)
         * @return this builder
         */
        public Builder clock(LongSupplier value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * @param value where the store was chosen, for error messages
         * @return this builder
         */
        public Builder position(SourcePosition value) {
            this.position = Objects.requireNonNull(value, "position");
            return this;
        }

        /**
         * @param value looks up directives for the server block, then the top level
         * @return this builder
         */
        public Builder directives(Function<String, Optional<Directive>> value) {
            this.directives = Objects.requireNonNull(value, "directives");
            return this;
        }

        /**
         * @return the settings
         * @throws IllegalArgumentException if a duration is not positive or the cap is below 1
         */
        public SessionSettings build() {
            if (idleTimeout.isZero() || idleTimeout.isNegative() || lifetime.isZero() || lifetime.isNegative()) {
                throw new IllegalArgumentException("session timeout and lifetime must be positive");
            }
            if (maxSessions < 1) {
                throw new IllegalArgumentException("session cap must be at least 1");
            }
            return new SessionSettings(this);
        }
    }
}
