package dev.solo.it.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.solo.it.support.RepositoryPaths;
import dev.solo.testing.ServiceDeclarations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every module declares its providers twice: {@code provides} in module-info for the module path, and
 * {@code META-INF/services} for the class path (Surefire, IDEs). This keeps the two in step for every module at once,
 * reading the compiled {@code module-info.class}: the modules below {@code server-testing} cannot use it from their
 * own tests without a dependency cycle, so the check lives here, where every module is built.
 */
class ServiceDeclarationsTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"server-config", "server-core", "server-http", "server-session", "server-cgi", "server-tls",
        "server-tls-conscrypt", "server-app", "server-handler-testing", "server-testing", "examples/markdown-handler"})
    void moduleInfoAndMetaInfServicesDeclareTheSameProviders(String module) throws IOException {
        Path classes = RepositoryPaths.root().resolve(module).resolve("target/classes");
        assertTrue(Files.isRegularFile(classes.resolve("module-info.class")), module + " is built");
        ServiceDeclarations.verify(classes);
    }
}
