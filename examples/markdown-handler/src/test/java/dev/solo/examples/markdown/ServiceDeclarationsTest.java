package dev.solo.examples.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.solo.config.spi.DirectiveProvider;
import dev.solo.http.spi.HandlerProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The providers are declared twice: {@code provides} in module-info for the module path, META-INF/services for the
 * class path (Surefire, IDEs). This keeps the two in step.
 */
class ServiceDeclarationsTest {

    private static final Path MODULE_INFO = Path.of("src/main/java/module-info.java");

    @ParameterizedTest
    @ValueSource(classes = {DirectiveProvider.class, HandlerProvider.class})
    void declaresTheSameProvidersInModuleInfoAndInMetaInfServices(Class<?> service) throws IOException {
        List<String> onClassPath = ServiceLoader.load(service).stream().map(p -> p.type().getName())
                .filter(name -> name.startsWith("dev.solo.examples.markdown.")).sorted().toList();
        assertEquals(providesInModuleInfo(service), onClassPath);
    }

    private static List<String> providesInModuleInfo(Class<?> service) throws IOException {
        String source = Files.readString(MODULE_INFO).replaceAll("//[^\n]*", "");
        Matcher provides = Pattern.compile("provides\\s+" + Pattern.quote(service.getName()) + "\\s+with\\s+([^;]+);")
                .matcher(source);
        if (!provides.find()) {
            return List.of();
        }
        return List.of(provides.group(1).split(",")).stream().map(String::strip).sorted().toList();
    }
}
