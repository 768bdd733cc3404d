package io.invitations.examples;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tour is an SLF4J host that imports awork's Excel file with {@code invitations-excel}. Run as a
 * fresh JVM, as {@code mvn exec:java} would, it prints no "Log4j API could not find a logging
 * provider": POI's logging goes to SLF4J, and nothing switches Log4j's status logger off to hide it.
 */
@DisplayName("awork: the tour in an SLF4J host prints no logging-provider warning, and hides nothing")
class AworkTourInAnSlf4jHostTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("a fresh JVM running the tour writes nothing about a missing Log4j provider to stderr")
    void theTourPrintsNoProviderWarning() throws IOException, InterruptedException {
        Path err = dir.resolve("stderr.txt");
        Process tour = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dtour.mailDir=" + dir.resolve("mail"),
                Tour.class.getName()))
                .redirectOutput(dir.resolve("stdout.txt").toFile()).redirectError(err.toFile()).start();

        assertThat(tour.waitFor(5, TimeUnit.MINUTES)).as("the tour ends").isTrue();
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        assertThat(tour.exitValue()).as("exit code; stderr: %s", stderr).isZero();
        assertThat(stderr).doesNotContainIgnoringCase("could not find a logging provider")
                .doesNotContain("StatusLogger");
        assertThat(Files.readString(dir.resolve("stdout.txt"), StandardCharsets.UTF_8)).contains("Tour complete:");
    }

    @Test
    @DisplayName("nothing on the class path silences Log4j's status logger")
    void nothingHidesTheWarning() {
        assertThat(Tour.class.getResource("/log4j2.StatusLogger.properties")).isNull();
        assertThat(Tour.class.getResource("/log4j2.component.properties")).isNull();
        assertThat(System.getProperty("log4j2.statusLoggerLevel")).isNull();
    }
}
