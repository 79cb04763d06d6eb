/**
 * The Solo configuration language: an nginx-style syntax, its AST, and generic validation against
 * the directives that modules declare. Depends on the JDK only, so it is usable on its own.
 *
 * <pre>{@code
 * // a module declares its directives ...
 * public final class MyDirectives implements DirectiveProvider {
 *     public List<DirectiveSpec> directives() {
 *         return List.of(
 *             DirectiveSpec.create("server", b -> b.contexts("main").repeatable(true).blockContext("server")),
 *             DirectiveSpec.create("listen", b -> b.contexts("server").args(1).check(ArgumentChecks.integer(0, 1, 65535))));
 *     }
 * }
 * // ... and the application parses, validates, then reads the tree
 * ConfigDocument doc = ConfigParser.parse(Path.of("solo.conf"));      // syntax, includes
 * DirectiveRegistry.load().validate(doc);                             // every error at once
 * for (Directive server : doc.directives("server")) {
 *     int port = server.child("listen").orElseThrow().intArg(0);
 * }
 * }</pre>
 *
 * @uses dev.solo.config.spi.DirectiveProvider found by {@link dev.solo.config.spi.Plugins#load(Class)}
 */
module dev.solo.config {
    exports dev.solo.config;
    exports dev.solo.config.spi;

    // Plugins.load runs ServiceLoader.load for every plugin kind (it adds the other kinds' `uses` at run time); this
    // line makes JPMS resolve the modules that declare directives (service binding) and lists the extension point.
    uses dev.solo.config.spi.DirectiveProvider;
}
