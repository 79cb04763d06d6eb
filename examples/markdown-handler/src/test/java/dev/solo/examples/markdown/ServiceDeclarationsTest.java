package dev.solo.examples.markdown;

import dev.solo.testing.ServiceDeclarations;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The providers are declared twice: {@code provides} in module-info for the module path, META-INF/services for the
 * class path (Surefire, IDEs). This keeps the two in step, reading the compiled module-info.class.
 */
class ServiceDeclarationsTest {

    @Test
    void declaresTheSameProvidersInModuleInfoAndInMetaInfServices() throws IOException {
        ServiceDeclarations.verify(Path.of("target/classes"));
    }
}
