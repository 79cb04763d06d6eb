package dev.solo.config;

import dev.solo.config.spi.ArgumentChecks;
import dev.solo.config.spi.DirectiveProvider;
import dev.solo.config.spi.DirectiveSpec;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The config module on its own, without any server: a made-up backup tool declares its directives,
 * parses its file, validates it and reads typed values. This is the whole recipe for reusing the
 * language elsewhere.
 */
class StandaloneUsageTest {

    /** The tool's directives: {@code job NAME { source DIR; every DURATION; keep N; compress on|off; }}. */
    static final class BackupDirectives implements DirectiveProvider {
        @Override
        public List<DirectiveSpec> directives() {
            return List.of(
                    DirectiveSpec.create("target", b -> b.contexts("main").args(1)),
                    DirectiveSpec.create("job", b -> b.contexts("main").args(1).repeatable(true).blockContext("job")),
                    DirectiveSpec.create("source", b -> b.contexts("job").argsAtLeast(1)),
                    DirectiveSpec.create("every", b -> b.contexts("job").args(1).check(ArgumentChecks.duration(0))),
                    DirectiveSpec.create("keep", b -> b.contexts("job").args(1).check(ArgumentChecks.integer(0, 1, 999))),
                    DirectiveSpec.create("max_size", b -> b.contexts("job").args(1).check(ArgumentChecks.size(0))),
                    DirectiveSpec.create("compress", b -> b.contexts("job").args(1).check(ArgumentChecks.flag(0))));
        }
    }

    /** What the tool builds from the validated tree. */
    record Job(String name, List<Path> sources, Duration every, int keep, long maxSize, boolean compress) {
    }

    private static final DirectiveRegistry REGISTRY = DirectiveRegistry.of(List.of(new BackupDirectives()));

    private static List<Job> load(String text) throws ConfigException {
        ConfigDocument doc = ConfigParser.parse(text, Path.of("/opt/backup/backup.conf"));
        REGISTRY.validate(doc);
        List<Job> jobs = new ArrayList<>();
        for (Directive job : doc.directives("job")) {
            List<Path> sources = new ArrayList<>();
            for (Directive source : job.children("source")) {
                for (int i = 0; i < source.argCount(); i++) {
                    sources.add(source.resolvePath(i));
                }
            }
            jobs.add(new Job(job.arg(0), sources,
                    job.child("every").isPresent() ? job.child("every").get().durationArg(0) : Duration.ofDays(1),
                    job.child("keep").isPresent() ? job.child("keep").get().intArg(0) : 7,
                    job.child("max_size").isPresent() ? job.child("max_size").get().sizeArg(0) : Long.MAX_VALUE,
                    job.child("compress").isPresent() && job.child("compress").get().flagArg(0)));
        }
        return jobs;
    }

    @Test
    void parsesValidatesAndReadsAConfigurationOfAnotherProgram() throws ConfigException {
        List<Job> jobs = load("target /mnt/backup;\n"
                + "job home {\n"
                + "    source data \"/home/me/My Documents\";\n"
                + "    every 6h;\n"
                + "    keep 10;\n"
                + "    max_size 2g;\n"
                + "    compress on;\n"
                + "}\n"
                + "job etc { source /etc; }\n");

        assertEquals(List.of(
                new Job("home", List.of(Path.of("/opt/backup/data"), Path.of("/home/me/My Documents")),
                        Duration.ofHours(6), 10, 2L << 30, true),
                new Job("etc", List.of(Path.of("/etc")), Duration.ofDays(1), 7, Long.MAX_VALUE, false)), jobs);
    }

    @Test
    void reportsAllMistakesOfTheOtherProgramsFileAtOnce() {
        ConfigException e = assertThrows(ConfigException.class, () -> load("job home {\n"
                + "    sourse /home;\n"
                + "    every often;\n"
                + "    keep 0;\n"
                + "}\n"));

        assertEquals("/opt/backup/backup.conf:2:5: unknown directive 'sourse'; did you mean 'source'?\n"
                + "/opt/backup/backup.conf:3:11: 'every': invalid duration 'often': expected a number with a unit"
                + " ms, s, m, h or d (a bare number is seconds)\n"
                + "/opt/backup/backup.conf:4:10: 'keep' expects a number from 1 to 999, got 0", e.getMessage());
    }
}
