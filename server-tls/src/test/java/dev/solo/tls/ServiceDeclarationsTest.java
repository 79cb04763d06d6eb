package dev.solo.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code provides} in module-info is the truth; {@code META-INF/services} serves class-path runs such as these tests.
 * This keeps the two in step.
 */
class ServiceDeclarationsTest {

    private static final Path MODULE_INFO = Path.of("src/main/java/module-info.java");
    private static final Path SERVICES = Path.of("src/main/resources/META-INF/services");
    private static final Pattern PROVIDES = Pattern.compile("provides\\s+([\\w.]+)\\s+with\\s+([\\w.,\\s]+?);");

    private static Map<String, List<String>> fromModuleInfo() throws IOException {
        String source = Files.readString(MODULE_INFO).replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\n]*", "");
        Map<String, List<String>> provides = new TreeMap<>();
        Matcher matcher = PROVIDES.matcher(source);
        while (matcher.find()) {
            List<String> implementations = Arrays.stream(matcher.group(2).split(","))
                    .map(String::trim).sorted().collect(Collectors.toList());
            provides.put(matcher.group(1), implementations);
        }
        return provides;
    }

    private static Map<String, List<String>> fromServiceFiles() throws IOException {
        Map<String, List<String>> provides = new TreeMap<>();
        try (Stream<Path> files = Files.list(SERVICES)) {
            for (Path file : files.collect(Collectors.toList())) {
                List<String> implementations = new ArrayList<>();
                for (String line : Files.readAllLines(file)) {
                    String entry = line.replaceAll("#.*", "").trim();
                    if (!entry.isEmpty()) {
                        implementations.add(entry);
                    }
                }
                implementations.sort(null);
                provides.put(file.getFileName().toString(), implementations);
            }
        }
        return provides;
    }

    @Test
    void serviceFilesListExactlyTheProvidersOfModuleInfo() throws IOException {
        Map<String, List<String>> declared = fromModuleInfo();

        assertFalse(declared.isEmpty());
        assertEquals(declared, fromServiceFiles());
    }

    @Test
    void everyDeclaredProviderLoads() throws Exception {
        for (Map.Entry<String, List<String>> service : fromModuleInfo().entrySet()) {
            Class<?> type = Class.forName(service.getKey());
            List<String> loaded = ServiceLoader.load(type).stream().map(p -> p.type().getName())
                    .filter(service.getValue()::contains).sorted().collect(Collectors.toList());
            assertEquals(service.getValue(), loaded, service.getKey());
        }
    }
}
