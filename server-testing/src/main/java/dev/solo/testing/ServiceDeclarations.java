package dev.solo.testing;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A module declares its providers twice: {@code provides} in module-info for the module path, and
 * {@code META-INF/services} for the class path (Surefire, IDEs). This compares the two as the compiler wrote them: the
 * {@code provides} of the compiled {@code module-info.class} (read by {@link ModuleDescriptor#read(InputStream)}, not
 * by a regular expression over the source) against the service files.
 */
public final class ServiceDeclarations {

    private ServiceDeclarations() {
    }

    /**
     * @param classes a module's compiled classes and resources, e.g. {@code target/classes}
     * @return one line per difference, empty when both declare the same providers for the same services
     * @throws IOException when module-info.class or a service file cannot be read
     */
    public static List<String> differences(Path classes) throws IOException {
        Map<String, TreeSet<String>> provides = new TreeMap<>();
        try (InputStream in = Files.newInputStream(classes.resolve("module-info.class"))) {
            for (ModuleDescriptor.Provides p : ModuleDescriptor.read(in).provides()) {
                provides.put(p.service(), new TreeSet<>(p.providers()));
            }
        }
        Map<String, TreeSet<String>> services = new TreeMap<>();
        Path directory = classes.resolve("META-INF/services");
        if (Files.isDirectory(directory)) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
                for (Path file : files) {
                    TreeSet<String> names = new TreeSet<>();
                    for (String line : Files.readAllLines(file)) {
                        int hash = line.indexOf('#');
                        String name = (hash < 0 ? line : line.substring(0, hash)).strip();
                        if (!name.isEmpty()) {
                            names.add(name);
                        }
                    }
                    services.put(file.getFileName().toString(), names);
                }
            }
        }
        List<String> differences = new ArrayList<>();
        TreeSet<String> all = new TreeSet<>(provides.keySet());
        all.addAll(services.keySet());
        for (String service : all) {
            TreeSet<String> declared = provides.getOrDefault(service, new TreeSet<>());
            TreeSet<String> listed = services.getOrDefault(service, new TreeSet<>());
            if (!declared.equals(listed)) {
                differences.add(service + ": module-info provides " + declared + ", META-INF/services lists "
                        + listed);
            }
        }
        return differences;
    }

    /**
     * @param classes a module's compiled classes and resources, e.g. {@code target/classes}
     * @throws AssertionError listing every difference
     * @throws IOException when a declaration cannot be read
     */
    public static void verify(Path classes) throws IOException {
        List<String> differences = differences(classes);
        if (!differences.isEmpty()) {
            throw new AssertionError("service declarations differ in " + classes + ":\n  "
                    + String.join("\n  ", differences));
        }
    }
}
