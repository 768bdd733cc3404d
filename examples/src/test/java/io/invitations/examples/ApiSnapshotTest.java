package io.invitations.examples;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The API snapshot of every published module: the public and protected signatures of the types in
 * the packages its {@code module-info} exports, read from the class files with {@code javap}, sorted,
 * and compared with {@code api/<module>.api} at the root of the module. An unintended change fails
 * the build; an intended one is accepted by running the build with {@code -Dapi.snapshot.update=true}
 * and committing the rewritten files.
 */
class ApiSnapshotTest {
    private static final String UPDATE = "api.snapshot.update";

    @TestFactory
    Stream<DynamicTest> every_published_module_matches_its_committed_api_snapshot() throws IOException {
        List<URL> roots = Collections.list(ApiSnapshotTest.class.getClassLoader().getResources("module-info.class"));
        Map<String, DynamicTest> tests = new TreeMap<>();
        for (URL url : roots) {
            ModuleDescriptor descriptor;
            try (InputStream in = url.openStream()) {
                descriptor = ModuleDescriptor.read(in);
            }
            if (descriptor.name().startsWith("io.invitations.")) {
                tests.put(descriptor.name(), DynamicTest.dynamicTest(descriptor.name(), () -> check(url, descriptor)));
            }
        }
        assertThat(tests).as("published modules on the test class path").hasSize(12);
        return tests.values().stream();
    }

    private static void check(URL moduleInfo, ModuleDescriptor descriptor) throws Exception {
        String location = moduleInfo.toString();
        Path moduleDir;
        String api;
        if (location.startsWith("jar:")) {
            Path jar = Path.of(URI.create(location.substring(4, location.indexOf("!/"))));
            moduleDir = jar.getParent().getParent();
            try (FileSystem fs = FileSystems.newFileSystem(jar)) {
                api = snapshot(fs.getPath("/"), jar.toString(), descriptor);
            }
        } else {
            Path classes = Path.of(moduleInfo.toURI()).getParent();
            moduleDir = classes.getParent().getParent();
            api = snapshot(classes, classes.toString(), descriptor);
        }
        Path file = moduleDir.resolve("api").resolve(descriptor.name() + ".api");
        if (Boolean.getBoolean(UPDATE)) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, api, StandardCharsets.UTF_8);
            return;
        }
        if (!Files.exists(file)) {
            fail("No API snapshot " + file + ". Run the build with -D" + UPDATE + "=true and commit the file.");
        }
        String committed = Files.readString(file, StandardCharsets.UTF_8);
        if (!committed.equals(api)) {
            fail("The public API of " + descriptor.name() + " differs from " + file + ":\n" + diff(committed, api)
                    + "\nIf the change is intended, run the build with -D" + UPDATE
                    + "=true (e.g. mvn -o -B -pl examples -am verify -D" + UPDATE
                    + "=true) and commit the rewritten file; otherwise restore the signatures.");
        }
    }

    /** The sorted signatures of the public types of the exported packages. */
    static String snapshot(Path root, String classPath, ModuleDescriptor descriptor) throws IOException {
        List<String> classes = new ArrayList<>();
        List<String> exports = new ArrayList<>();
        for (ModuleDescriptor.Exports e : descriptor.exports()) {
            if (e.isQualified()) {
                continue;
            }
            exports.add(e.source());
            Path dir = root.resolve(e.source().replace('.', '/'));
            try (Stream<Path> files = Files.list(dir)) {
                files.map(p -> p.getFileName().toString())
                        .filter(n -> n.endsWith(".class") && !n.equals("package-info.class"))
                        .map(n -> e.source() + "." + n.substring(0, n.length() - ".class".length()))
                        .forEach(classes::add);
            }
        }
        Collections.sort(exports);
        Collections.sort(classes);
        ToolProvider javap = ToolProvider.findFirst("javap").orElseThrow();
        StringWriter out = new StringWriter();
        List<String> args = new ArrayList<>(List.of("-protected", "-cp", classPath));
        args.addAll(classes);
        int status = javap.run(new PrintWriter(out), new PrintWriter(new StringWriter()), args.toArray(String[]::new));
        if (status != 0) {
            throw new UncheckedIOException(new IOException("javap failed with status " + status));
        }
        Map<String, List<String>> types = new TreeMap<>();
        String header = null;
        List<String> members = null;
        for (String line : out.toString().lines().toList()) {
            if (line.startsWith("Compiled from") || line.isBlank()) {
                continue;
            }
            if (!line.startsWith(" ") && line.endsWith("{")) {
                header = line.substring(0, line.length() - 1).trim();
                members = new ArrayList<>();
            } else if (line.equals("}")) {
                if (header.startsWith("public ") || header.startsWith("protected ")) {
                    Collections.sort(members);
                    types.put(header, members);
                }
                header = null;
            } else if (header != null) {
                members.add(line.trim());
            }
        }
        StringBuilder text = new StringBuilder();
        text.append("# The public API of module ").append(descriptor.name())
                .append(": public and protected signatures of the exported packages.\n")
                .append("# Written by ApiSnapshotTest (examples module); after an intended change run the build with -D")
                .append(UPDATE).append("=true and commit this file.\n");
        for (String e : exports) {
            text.append("exports ").append(e).append('\n');
        }
        types.forEach((h, ms) -> {
            text.append('\n').append(h).append('\n');
            ms.forEach(m -> text.append("  ").append(m).append('\n'));
        });
        return text.toString();
    }

    private static String diff(String committed, String current) {
        Set<String> before = Set.copyOf(committed.lines().toList());
        Set<String> after = Set.copyOf(current.lines().toList());
        StringBuilder d = new StringBuilder();
        committed.lines().filter(l -> !after.contains(l)).limit(40).forEach(l -> d.append("  - ").append(l).append('\n'));
        current.lines().filter(l -> !before.contains(l)).limit(40).forEach(l -> d.append("  + ").append(l).append('\n'));
        return d.toString();
    }
}
