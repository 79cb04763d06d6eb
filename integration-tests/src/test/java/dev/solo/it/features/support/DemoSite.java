package dev.solo.it.features.support;

import dev.solo.it.support.DemoCertificate;
import dev.solo.it.support.RepositoryPaths;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * A copy of the demo that {@code ./solo} serves ({@code examples/solo.conf} with its {@code site}, {@code blog} and
 * {@code conf.d}) in a test directory, listening on free ports: uploads land in the copy, never in the repository,
 * and the demo's configuration is the one under test, not a look-alike.
 *
 * <p>Only the addresses change: {@code 127.0.0.1:8080} becomes {@code 127.0.0.1:0} and {@code 127.0.0.1:8081}
 * becomes {@code 127.0.0.2:0}. {@code conf.d/php.conf} is written as {@code ./solo} writes it when php-cgi is
 * installed, which the CGI tests require anyway.
 */
public final class DemoSite {

    /** The demo's first address, as its config spells it. */
    public static final String FIRST_ADDRESS = "listen 127.0.0.1:8080;";
    /** The demo's second address, as its config spells it. */
    public static final String SECOND_ADDRESS = "listen 127.0.0.1:8081;";
    /** The demo's HTTPS address, as its config spells it; the copy listens on 127.0.0.3:0 instead. */
    public static final String TLS_ADDRESS = "listen 127.0.0.1:8443 ssl;";
    /** Where the demo config expects its certificate; the copy has its own in {@code tls/}. */
    private static final String CERTIFICATE_FOLDER = "../server-app/target/demo-tls/";

    private DemoSite() {
    }

    /**
     * Copies the demo into a directory.
     *
     * @param directory an empty directory
     * @return the config file to start, in that directory
     * @throws IOException when copying fails
     * @throws AssertionError when the demo config no longer has the addresses this copy rewrites, or php-cgi is
     *         missing
     */
    public static Path copyTo(Path directory) throws IOException {
        Programs.require("php-cgi", "php-cgi");
        Path examples = RepositoryPaths.root().resolve("examples");
        copyTree(examples.resolve("site"), directory.resolve("site"));
        copyTree(examples.resolve("blog"), directory.resolve("blog"));
        Files.createDirectories(directory.resolve("conf.d"));
        Files.writeString(directory.resolve("conf.d/php.conf"), "cgi .php php-cgi;\n");

        String config = Files.readString(examples.resolve("solo.conf"));
        if (!config.contains(FIRST_ADDRESS) || !config.contains(SECOND_ADDRESS) || !config.contains(TLS_ADDRESS)
                || !config.contains(CERTIFICATE_FOLDER)) {
            throw new AssertionError("examples/solo.conf no longer listens on " + FIRST_ADDRESS + ", "
                    + SECOND_ADDRESS + " and " + TLS_ADDRESS + " with its certificate in " + CERTIFICATE_FOLDER
                    + "; update " + DemoSite.class.getName());
        }
        try {
            DemoCertificate.ensure(directory.resolve("tls"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        config = config.replace(FIRST_ADDRESS, "listen 127.0.0.1:0;").replace(SECOND_ADDRESS, "listen 127.0.0.2:0;")
                .replace(TLS_ADDRESS, "listen 127.0.0.3:0 ssl;").replace(CERTIFICATE_FOLDER, "tls/");
        return Files.writeString(directory.resolve("solo.conf"), config);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file).toString()));
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
