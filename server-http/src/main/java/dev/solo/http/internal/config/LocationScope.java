package dev.solo.http.internal.config;

import dev.solo.config.Directive;
import dev.solo.http.Location;
import dev.solo.http.internal.routing.RouteLocation;
import dev.solo.http.spi.ExecutableFiles;
import dev.solo.http.spi.LocationContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** What a handler provider sees of one location: the resolved location and its directives with inheritance. */
final class LocationScope implements LocationContext {

    private final RouteLocation location;
    private final Scope scope;
    private final SiteChecks checks;

    LocationScope(RouteLocation location, Scope scope, SiteChecks checks) {
        this.location = location;
        this.scope = scope;
        this.checks = checks;
    }

    @Override
    public Location location() {
        return location;
    }

    /** @return the location being built */
    RouteLocation route() {
        return location;
    }

    @Override
    public Directive block() {
        return scope.block();
    }

    @Override
    public Optional<Directive> inherited(String name) {
        return scope.inherited(name);
    }

    @Override
    public List<Directive> inheritedAll(String name) {
        return scope.inheritedAll(name);
    }

    @Override
    public List<Directive> own(String name) {
        return scope.ownAll(name);
    }

    @Override
    public List<ExecutableFiles> siteExecutables() {
        return checks.executables();
    }

    @Override
    public void writesTo(Path directory, Directive cause) {
        checks.writes(directory, cause, location);
    }
}
