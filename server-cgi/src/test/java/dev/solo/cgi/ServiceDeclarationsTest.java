package dev.solo.cgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.solo.config.spi.DirectiveProvider;
import dev.solo.http.spi.HandlerProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** module-info's {@code provides} is the truth; META-INF/services repeats it for class-path runs. */
class ServiceDeclarationsTest {

    private static final Path MODULE_INFO = Path.of("src/main/java/module-info.java");
    private static final Path SERVICES = Path.of("src/main/resources/META-INF/services");
    private static final Pattern PROVIDES = Pattern.compile("provides\\s+([\\w.]+)\\s+with\\s+([\\w.,\\s]+);");

    private static Map<String, Set<String>> fromModuleInfo() throws IOException {
        String source = Files.readString(MODULE_INFO).replaceAll("//[^\n]*", "");
        Map<String, Set<String>> provides = new TreeMap<>();
        Matcher matcher = PROVIDES.matcher(source);
        while (matcher.find()) {
            provides.put(matcher.group(1), Arrays.stream(matcher.group(2).split(","))
                    .map(String::trim).collect(Collectors.toCollection(TreeSet::new)));
        }
        return provides;
    }

    private static Map<String, Set<String>> fromServiceFiles() throws IOException {
        Map<String, Set<String>> provides = new TreeMap<>();
        try (var files = Files.list(SERVICES)) {
            for (Path file : files.collect(Collectors.toList())) {
                provides.put(file.getFileName().toString(), Files.readAllLines(file).stream()
                        .map(line -> line.replaceAll("#.*", "").trim()).filter(line -> !line.isEmpty())
                        .collect(Collectors.toCollection(TreeSet::new)));
            }
        }
        return provides;
    }

    @Test
    void serviceFilesMatchModuleInfo() throws IOException {
        Map<String, Set<String>> declared = fromModuleInfo();
        assertFalse(declared.isEmpty());
        assertEquals(declared, fromServiceFiles());
    }

    @Test
    void serviceLoaderFindsBothProvidersOnTheClassPath() {
        assertTrue(ServiceLoader.load(HandlerProvider.class).stream()
                .anyMatch(p -> p.type() == CgiHandlerProvider.class));
        assertTrue(ServiceLoader.load(DirectiveProvider.class).stream()
                .anyMatch(p -> p.type() == CgiDirectives.class));
    }
}
