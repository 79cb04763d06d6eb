package dev.solo.http.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.solo.config.ConfigDocument;
import dev.solo.config.ConfigException;
import dev.solo.config.ConfigParser;
import dev.solo.config.DirectiveRegistry;
import dev.solo.config.spi.DirectiveProvider;
import dev.solo.config.spi.DirectiveSpec;
import dev.solo.http.Handler;
import dev.solo.http.Method;
import dev.solo.http.internal.files.StaticFilesProvider;
import dev.solo.http.internal.handlers.ReturnProvider;
import dev.solo.http.internal.routing.LocationTable;
import dev.solo.http.internal.routing.RouteLocation;
import dev.solo.http.internal.upload.UploadDirectives;
import dev.solo.http.internal.upload.UploadHandlerProvider;
import dev.solo.http.spi.ExecutableFiles;
import dev.solo.http.spi.HandlerProvider;
import dev.solo.http.spi.LocationContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15: write methods only where a location turns them on, never where a location runs files as programs, and
 * one {@code Allow} for OPTIONS and 405.
 */
class WriteConfigTest {

    @TempDir
    Path dir;

    private SiteBuilder builder;

    @BeforeEach
    void site() throws Exception {
        Files.createDirectories(dir.resolve("www/cgi-bin"));
        Files.createDirectories(dir.resolve("www/uploads"));
        Files.createDirectories(dir.resolve("other"));
    }

    /** A handler type that runs files by extension, as CGI does: {@code exec .py;} in a location. */
    private static final class ExecProvider implements HandlerProvider, DirectiveProvider {
        @Override
        public String name() {
            return "exec";
        }

        @Override
        public int order() {
            return 50;
        }

        @Override
        public Optional<Handler> create(LocationContext location) {
            return location.inheritedAll("exec").isEmpty() ? Optional.empty() : Optional.of(exchange -> false);
        }

        @Override
        public Optional<ExecutableFiles> executables(LocationContext location) {
            List<String> extensions = location.inheritedAll("exec").stream().map(d -> d.arg(0)).toList();
            return ExecutableFiles.servedBy(location, extensions);
        }

        @Override
        public List<DirectiveSpec> directives() {
            return List.of(DirectiveSpec.create("exec", b -> b.contexts("location").args(1).repeatable(true)));
        }
    }

    private LocationTable build(String text) throws ConfigException {
        ConfigDocument doc = ConfigParser.parse(text, dir.resolve("t.conf"));
        ExecProvider exec = new ExecProvider();
        DirectiveRegistry.of(List.of(new HttpDirectives(), new UploadDirectives(), exec)).validate(doc);
        builder = new SiteBuilder(List.of(new StaticFilesProvider(), new ReturnProvider(), new UploadHandlerProvider(),
                exec), null);
        return builder.build(doc).bindings().get(0).hosts().defaultServer().locations();
    }

    private ConfigException failure(String text) {
        return assertThrows(ConfigException.class, () -> build(text));
    }

    @Test
    void refusesUploadInAServerBlockAtItsPosition() {
        ConfigException e = failure("""
                server {
                    listen 127.0.0.1:0; root www;
                    upload on;
                    location /cgi-bin/ { exec .py; }
                }
                """);
        assertEquals(1, e.errors().size(), e.getMessage());
        assertTrue(e.errors().get(0).toString().startsWith(dir.resolve("t.conf") + ":3:5: 'upload' is not allowed in a"
                + " server block"), e.getMessage());
    }

    @Test
    void refusesUploadsInALocationThatRunsScripts() {
        ConfigException e = failure("""
                server {
                    listen 127.0.0.1:0; root www;
                    location /cgi-bin/ { exec .py; upload on; }
                }
                """);
        assertEquals(1, e.errors().size(), e.getMessage());
        String error = e.errors().get(0).toString();
        assertTrue(error.startsWith(dir.resolve("t.conf") + ":3:36: location /cgi-bin/ writes client files to "),
                error);
        assertTrue(error.contains("[.py]"), error);
    }

    @Test
    void refusesAnUploadStoreInsideAnotherServersScriptDirectory() {
        ConfigException e = failure("""
                server {
                    listen 127.0.0.1:0; root other;
                    location /up/ { upload on; upload_store www/cgi-bin; }
                }
                server {
                    listen 127.0.0.1:0; server_name scripts.test; root www;
                    location /cgi-bin/ { exec .py; }
                }
                """);
        assertEquals(1, e.errors().size(), e.getMessage());
        assertTrue(e.errors().get(0).toString().startsWith(dir.resolve("t.conf") + ":3:32: "), e.getMessage());
    }

    @Test
    void refusesUploadsWhereAnExactLocationRunsAScriptFromTheSameDirectory() {
        // "location = /run.py" runs www/run.py: uploads into www itself could replace it.
        failure("""
                server {
                    listen 127.0.0.1:0; root www;
                    location = /run.py { exec .py; }
                    location / { upload on; }
                }
                """);
    }

    @Test
    void acceptsUploadsBesideScriptsAndWarnsWhenTheirAreaHoldsAScriptDirectory() throws Exception {
        LocationTable locations = build("""
                server {
                    listen 127.0.0.1:0; root www;
                    location /cgi-bin/ { exec .py; }
                    location /uploads/ { upload on; }
                    location / { upload on; }
                }
                """);
        assertEquals(Set.of(Method.POST, Method.PUT, Method.DELETE), locations.match("/uploads/x").writeMethods());
        assertEquals(List.of(".py"), locations.match("/cgi-bin/x").runs());
        assertEquals(List.of(), locations.match("/uploads/x").runs());
        List<String> warnings = builder.warnings();
        assertEquals(1, warnings.size(), warnings::toString);
        assertTrue(warnings.get(0).startsWith(dir.resolve("t.conf") + ":5:18: location / writes below "),
                warnings::toString);
    }

    @Test
    void refusesUploadsWhereALinkInAScriptDirectoryLeads() throws Exception {
        // /cgi-bin/up/x.py runs www/uploads/x.py through the link: uploads there are uploads into cgi-bin.
        Files.createSymbolicLink(dir.resolve("www/cgi-bin/up"), dir.resolve("www/uploads"));
        ConfigException e = failure("""
                server {
                    listen 127.0.0.1:0; root www;
                    location /cgi-bin/ { exec .py; }
                    location /uploads/ { upload on; }
                }
                """);
        assertTrue(e.getMessage().contains("through the link"), e.getMessage());
    }

    @Test
    void aNestedLocationDoesNotInheritWriteMethods() throws Exception {
        LocationTable locations = build("""
                server {
                    listen 127.0.0.1:0; root www;
                    location /uploads/ { upload on; location /uploads/archive/ { } }
                }
                """);
        RouteLocation archive = locations.match("/uploads/archive/x");
        assertEquals(Set.of(), archive.writeMethods());
        assertEquals("GET, HEAD, OPTIONS", archive.allowHeader());
        assertEquals("GET, HEAD, POST, PUT, DELETE, OPTIONS", locations.match("/uploads/x").allowHeader());
    }

    @Test
    void refusesAnUploadHandlerANestedLocationWouldInherit() {
        ConfigException e = failure("""
                server {
                    listen 127.0.0.1:0; root www;
                    location /uploads/ { handler upload; location /uploads/archive/ { } }
                }
                """);
        assertTrue(e.getMessage().contains("write methods are not inherited"), e.getMessage());
    }

    @Test
    void allowListsOnlyTheConfiguredMethodsAHandlerTakes() throws Exception {
        LocationTable locations = build("""
                server {
                    listen 127.0.0.1:0; root www;
                    location /ro/ { methods GET POST DELETE; }
                    location /up/ { methods GET PUT; upload on; }
                    location /any { return 200 any; }
                }
                """);
        assertEquals("GET, HEAD, OPTIONS", locations.match("/").allowHeader());
        assertEquals("GET, HEAD, OPTIONS", locations.match("/ro/x").allowHeader());
        assertEquals("GET, HEAD, PUT, OPTIONS", locations.match("/up/x").allowHeader());
        assertEquals(Set.of(Method.PUT), locations.match("/up/x").writeMethods());
        assertEquals("GET, HEAD, POST, PUT, DELETE, OPTIONS, PATCH", locations.match("/any").allowHeader());
        assertTrue(locations.match("/up/x").servesClientFiles());
        assertTrue(!locations.match("/ro/x").servesClientFiles());
    }

    @Test
    void uploadInlineOptsAWritableLocationOutOfDownloads() throws Exception {
        LocationTable locations = build("""
                server {
                    listen 127.0.0.1:0; root www;
                    location /up/ { upload on; upload_inline on; }
                }
                """);
        assertTrue(!locations.match("/up/x").servesClientFiles());
    }

    @Test
    void warnsWhenAnyoneOnTheNetworkCanDeleteAndWhenAnErrorPageCanBeDeleted() throws Exception {
        Files.writeString(dir.resolve("www/uploads/404.html"), "gone");
        build("""
                server {
                    listen 0.0.0.0:0; root www;
                    error_page 404 /uploads/404.html;
                    location /uploads/ { upload on; }
                }
                """);
        List<String> warnings = builder.warnings();
        assertEquals(2, warnings.size(), warnings::toString);
        assertTrue(warnings.get(0).contains("upload and DELETE files"), warnings::toString);
        assertTrue(warnings.get(1).contains("error page"), warnings::toString);
    }
}
