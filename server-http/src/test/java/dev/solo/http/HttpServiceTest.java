package dev.solo.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.solo.config.ConfigDocument;
import dev.solo.config.ConfigException;
import dev.solo.config.ConfigParser;
import dev.solo.config.Directive;
import dev.solo.config.DirectiveRegistry;
import dev.solo.core.EventLoop;
import dev.solo.http.internal.config.HttpDirectives;
import dev.solo.http.internal.files.StaticFilesProvider;
import dev.solo.http.spi.HandlerProvider;
import dev.solo.http.spi.LocationContext;
import dev.solo.http.spi.SessionManager;
import dev.solo.http.spi.SessionManagerProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpServiceTest {

    @TempDir
    Path dir;

    /** Counts the closes of every manager it made. */
    private static final class CountingSessions implements SessionManagerProvider {
        final List<int[]> closes = new ArrayList<>();

        @Override
        public SessionManager create(Directive server, Function<String, Optional<Directive>> inherited) {
            int[] count = new int[1];
            closes.add(count);
            return new SessionManager() {
                @Override
                public Optional<Session> session(Request request, EventLoop loop, boolean create) {
                    return Optional.empty();
                }

                @Override
                public void beforeResponse(Request request, Response response) {
                }

                @Override
                public void close() {
                    count[0]++;
                }
            };
        }
    }

    @Test
    void closesTheSessionManagerOfEveryServerOnceWhenRetired() throws Exception {
        Files.createDirectories(dir.resolve("www"));
        ConfigDocument document = ConfigParser.parse("""
                server { listen 127.0.0.1:0; listen 127.0.0.2:0; server_name a; root www; }
                server { listen 127.0.0.1:0; server_name b; root www; }
                """, dir.resolve("t.conf"));
        DirectiveRegistry.of(List.of(new HttpDirectives())).validate(document);
        CountingSessions sessions = new CountingSessions();
        HttpService service = HttpService.configure(document, List.of(new StaticFilesProvider()), sessions);
        assertEquals(2, sessions.closes.size());

        service.close();

        assertEquals(1, sessions.closes.get(0)[0]);
        assertEquals(1, sessions.closes.get(1)[0]);
    }

    /** An embedding program's handler type that takes the name of the built-in static files. */
    private static final class OwnStatic implements HandlerProvider {
        @Override
        public String name() {
            return "static";
        }

        @Override
        public int order() {
            return 500;
        }

        @Override
        public Optional<Handler> create(LocationContext location) {
            return Optional.empty();
        }
    }

    @Test
    void embeddingProgramsHandlerTypeNamedLikeAnInstalledOneIsAConfigErrorNamingBoth() throws Exception {
        ConfigDocument document = ConfigParser.parse("server { listen 127.0.0.1:0; }\n", dir.resolve("t.conf"));
        DirectiveRegistry.of(List.of(new HttpDirectives())).validate(document);

        ConfigException e = assertThrows(ConfigException.class,
                () -> HttpService.configure(document, List.of(new OwnStatic())));

        assertEquals(dir.resolve("t.conf") + ": two modules provide the handler type \"static\": the class path entry"
                + " test-classes (dev.solo.http.HttpServiceTest$OwnStatic) and the class path entry classes"
                + " (dev.solo.http.internal.files.StaticFilesProvider)", e.getMessage());
    }

    @Test
    void twoGivenHandlerTypesWithOneNameAreAConfigError() throws Exception {
        ConfigDocument document = ConfigParser.parse("server { listen 127.0.0.1:0; }\n", dir.resolve("t.conf"));

        ConfigException e = assertThrows(ConfigException.class, () -> HttpService.configure(document,
                List.of(new StaticFilesProvider(), new StaticFilesProvider()), null));

        assertEquals(dir.resolve("t.conf") + ": the class path entry classes provides the handler type \"static\""
                + " twice: dev.solo.http.internal.files.StaticFilesProvider and"
                + " dev.solo.http.internal.files.StaticFilesProvider", e.getMessage());
    }
}
