package dev.solo.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.solo.config.ConfigDocument;
import dev.solo.config.ConfigParser;
import dev.solo.config.Directive;
import dev.solo.config.DirectiveRegistry;
import dev.solo.core.EventLoop;
import dev.solo.http.internal.config.HttpDirectives;
import dev.solo.http.internal.files.StaticFilesProvider;
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
}
