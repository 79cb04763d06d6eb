package dev.solo.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code provides} in module-info is the truth on the module path; META-INF/services serves class-path runs (tests,
 * IDEs). They must list the same providers.
 */
class ServiceDeclarationsTest {

    private static final Pattern PROVIDES = Pattern.compile("provides\\s+([\\w.]+)\\s+with\\s+([\\w.,\\s]+);");

    @Test
    void moduleInfoAndServiceFilesDeclareTheSameProviders() throws IOException {
        String moduleInfo = Files.readString(Path.of("src/main/java/module-info.java"))
                .replaceAll("//[^\n]*", "");
        Map<String, TreeSet<String>> declared = new TreeMap<>();
        Matcher m = PROVIDES.matcher(moduleInfo);
        while (m.find()) {
            TreeSet<String> impls = declared.computeIfAbsent(m.group(1), k -> new TreeSet<>());
            for (String impl : m.group(2).split(",")) {
                impls.add(impl.strip());
            }
        }
        Map<String, TreeSet<String>> files = new TreeMap<>();
        Path services = Path.of("src/main/resources/META-INF/services");
        List<Path> serviceFiles = new ArrayList<>();
        try (Stream<Path> list = Files.list(services)) {
            list.forEach(serviceFiles::add);
        }
        for (Path file : serviceFiles) {
            TreeSet<String> impls = new TreeSet<>();
            for (String line : Files.readAllLines(file)) {
                String entry = line.replaceAll("#.*", "").strip();
                if (!entry.isEmpty()) {
                    impls.add(entry);
                }
            }
            files.put(file.getFileName().toString(), impls);
        }
        assertFalse(declared.isEmpty());
        assertEquals(declared, files);
    }
}
