package dev.solo.session.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SessionSettingsTest {

    private final SessionSettings settings = SessionSettings.create(b -> b.idleTimeout(Duration.ofMillis(100))
            .lifetime(Duration.ofMillis(1000)));

    @Test
    void hasDocumentedDefaults() {
        SessionSettings defaults = SessionSettings.create(b -> { });

        assertEquals(Duration.ofMinutes(30), defaults.idleTimeout());
        assertEquals(Duration.ofHours(24), defaults.lifetime());
        assertEquals(100_000, defaults.maxSessions());
        assertTrue(defaults.directory().isEmpty());
    }

    @Test
    void deadlineIsTheEarlierOfIdleTimeoutAndLifetime() {
        assertEquals(150, settings.deadline(0, 50));
        assertEquals(1000, settings.deadline(0, 950));
    }

    @Test
    void deadlineSaturatesInsteadOfOverflowing() {
        SessionSettings forever = SessionSettings.create(b -> b.idleTimeout(Duration.ofMillis(Long.MAX_VALUE))
                .lifetime(Duration.ofMillis(Long.MAX_VALUE)));

        assertEquals(Long.MAX_VALUE, forever.deadline(10, 10));
    }

    @Test
    void sessionExpiresAtItsDeadline() {
        SessionData data = new SessionData("id", 0, 50);

        assertFalse(settings.isExpired(data, 149));
        assertTrue(settings.isExpired(data, 150));
    }

    @Test
    void rejectsNonPositiveDurationsAndCaps() {
        assertThrows(IllegalArgumentException.class, () -> SessionSettings.create(b -> b.idleTimeout(Duration.ZERO)));
        assertThrows(IllegalArgumentException.class,
                () -> SessionSettings.create(b -> b.lifetime(Duration.ofSeconds(-1))));
        assertThrows(IllegalArgumentException.class, () -> SessionSettings.create(b -> b.maxSessions(0)));
    }
}
