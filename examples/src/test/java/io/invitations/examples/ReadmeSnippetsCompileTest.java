package io.invitations.examples;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Every {@code ```java} block of the repository's {@code README.md} compiles against the reactor's
 * published modules (the class path of this test).
 *
 * <p><b>The convention a README snippet follows.</b> Each block is compiled on its own, in its own
 * package, with these imports: every package that a published {@code io.invitations.*} module
 * exports, and {@code java.io}, {@code java.nio.file}, {@code java.sql}, {@code javax.sql},
 * {@code java.time}, {@code java.util}, {@code java.util.concurrent} and {@code java.util.function}
 * (all on demand). What the block holds decides how it is wrapped:
 * <ul>
 *   <li>a type ({@code class}, {@code interface}, {@code record} or {@code enum} first): compiled as
 *       it is, as a source file;</li>
 *   <li>a member (an annotation or a method declaration first): the body of a class that extends
 *       {@link #CONTEXT the snippet context};</li>
 *   <li>anything else: statements, the body of a method {@code void snippet() throws Exception} of
 *       such a class.</li>
 * </ul>
 * The snippet context declares, as fields, the names snippets use without declaring them: the
 * service {@code invitations}, an administration {@code admin}, {@code invitee}, {@code maintenance},
 * the tenant {@code acme}, a {@code token}, a {@code request}, a {@code store}, an {@code in} and
 * {@code out}, and the host's own things ({@code audit}, {@code progressBar}, {@code share(url)} ...).
 * A snippet's own declaration of such a name shadows the field. A type block may use
 * {@code TestDatabase.dataSource()}, the host's test database (package {@code readme}, imported too). Types of host frameworks outside the
 * reactor (Spring's annotations and {@code DataSourceUtils}, HikariCP, Micrometer's registries,
 * Spring Security's {@code Authentication}, the servlet request) are declared as minimal stubs
 * below, so what is checked is the snippet's use of this library. Write {@code ...} in a snippet
 * only inside a comment.
 *
 * <p>A failure names the README line and the compiler's message. To fix it, correct the snippet; if
 * it needs a name the context lacks, declare it in the snippet or (when several snippets share it)
 * add it to {@link #CONTEXT}.
 */
class ReadmeSnippetsCompileTest {
    private static final Pattern TYPE = Pattern.compile(
            "^(public |abstract |final |sealed )*(class|interface|record|enum) .*");
    private static final Pattern MEMBER = Pattern.compile(
            "^(@\\w+.*|(public |protected |private |static |final )*[\\w<>\\[\\],.? ]+ \\w+\\(.*\\)\\s*(throws [\\w., ]+)?\\s*\\{\\s*)$");

    /** The names snippets use without declaring them. */
    static final String CONTEXT = """
            public abstract class Context {
                protected InvitationService invitations;
                protected InvitationAdministration admin;
                protected InviteeActions invitee;
                protected InvitationMaintenance maintenance;
                protected TenantId acme;
                protected TenantId tenant;
                protected Inviter me;
                protected String token;
                protected char[] chosen;
                protected String typed;
                protected InviteRequest request;
                protected InviteRequest next;
                protected InvitationId id;
                protected InvitationId id1;
                protected InvitationId id2;
                protected Invitation inv;
                protected String accessCode;
                protected byte[] secretBytes;
                protected InvitationStore store;
                protected InvitationStore myStore;
                protected IdentityDirectory myDirectory;
                protected SeatLedger mySeats;
                protected InMemoryTenantSettingsSource settings;
                protected Mailer mailer;
                protected DataSource dataSource;
                protected Clock clock;
                protected Instant now;
                protected Instant endOfMonth;
                protected Instant monthStart;
                protected Instant monthEnd;
                protected ScheduledExecutorService scheduler;
                protected InputStream in;
                protected OutputStream out;
                protected Path upload;
                protected ImportResult result;
                protected BulkReport report;
                protected List<InvitationRow> wave;
                protected Audit audit;
                protected ProgressBar progressBar;
                protected HttpRequest httpRequest;
                protected Projects projects;
                protected io.micrometer.core.instrument.MeterRegistry meterRegistry;
                protected io.micrometer.observation.ObservationRegistry observationRegistry;
                protected OutboxBacklog backlog;
                protected org.slf4j.Logger log;

                protected void print(Object o) {
                }

                protected void share(String url) {
                }

                protected void show(Object... values) {
                }

                protected void check(Object row) {
                }

                public interface Audit {
                    void write(String line);

                    void record(InvitationEvent event);
                }

                public interface ProgressBar {
                    void show(int done, int total);
                }

                public interface HttpRequest {
                    String getRemoteAddr();
                }

                public record Project(String name) {
                }

                public interface Projects {
                    Project save(Project p);
                }

                public interface TenantRepository {
                    TenantSettings settingsOf(TenantId tenantId);
                }
            }
            """;

    /** A host's test database, for snippets of compatibility tests (package {@code readme}). */
    static final String TEST_DATABASE = """
            public final class TestDatabase {
                private TestDatabase() {
                }

                public static DataSource dataSource() {
                    return null;
                }
            }
            """;

    /** Minimal stand-ins for the types of host frameworks that are not on this class path. */
    static final Map<String, String> STUBS = stubs(
            "org.springframework.context.annotation.Bean",
            "public @interface Bean {}",
            "org.springframework.context.SmartLifecycle",
            "public interface SmartLifecycle {}",
            "org.springframework.transaction.annotation.Transactional",
            "public @interface Transactional {}",
            "org.springframework.web.bind.annotation.PostMapping",
            "public @interface PostMapping { String[] value() default {}; }",
            "org.springframework.web.bind.annotation.RequestBody",
            "public @interface RequestBody {}",
            "org.springframework.jdbc.datasource.DataSourceUtils", """
                    public final class DataSourceUtils {
                        public static java.sql.Connection getConnection(javax.sql.DataSource d) { return null; }
                        public static boolean isConnectionTransactional(java.sql.Connection c, javax.sql.DataSource d) {
                            return false;
                        }
                        public static void releaseConnection(java.sql.Connection c, javax.sql.DataSource d) {}
                    }""",
            "com.zaxxer.hikari.HikariDataSource", """
                    public class HikariDataSource implements javax.sql.DataSource {
                        public void setJdbcUrl(String url) {}
                        public void setUsername(String user) {}
                        public void setPassword(String password) {}
                        public java.sql.Connection getConnection() { return null; }
                        public java.sql.Connection getConnection(String u, String p) { return null; }
                        public java.io.PrintWriter getLogWriter() { return null; }
                        public void setLogWriter(java.io.PrintWriter w) {}
                        public void setLoginTimeout(int s) {}
                        public int getLoginTimeout() { return 0; }
                        public java.util.logging.Logger getParentLogger() { return null; }
                        public <T> T unwrap(Class<T> c) { return null; }
                        public boolean isWrapperFor(Class<?> c) { return false; }
                    }""",
            "io.micrometer.core.instrument.MeterRegistry",
            "public abstract class MeterRegistry {}",
            "io.micrometer.observation.ObservationRegistry",
            "public interface ObservationRegistry {}",
            "org.springframework.security.core.Authentication",
            "public interface Authentication extends java.security.Principal {}",
            "jakarta.servlet.http.HttpServletRequest",
            "public interface HttpServletRequest {}");

    private static Map<String, String> stubs(String... namesAndBodies) {
        Map<String, String> stubs = new java.util.LinkedHashMap<>();
        for (int i = 0; i < namesAndBodies.length; i += 2) {
            stubs.put(namesAndBodies[i], namesAndBodies[i + 1]);
        }
        return Collections.unmodifiableMap(stubs);
    }

    record Snippet(int line, String code) {
    }

    @Test
    void every_java_block_of_the_readme_compiles(@TempDir Path classes) throws IOException {
        Path readme = Path.of(System.getProperty("user.dir")).getParent().resolve("README.md");
        List<Snippet> snippets = snippets(Files.readAllLines(readme, StandardCharsets.UTF_8));
        assertThat(snippets).as("```java blocks in " + readme).isNotEmpty();

        String imports = imports();
        List<JavaFileObject> sources = new ArrayList<>();
        Map<String, Snippet> byUri = new java.util.HashMap<>();
        Map<String, Integer> offsets = new java.util.HashMap<>();
        sources.add(source("readme/Context.java", "package readme;\n" + imports + CONTEXT));
        sources.add(source("readme/TestDatabase.java", "package readme;\n" + imports + TEST_DATABASE));
        STUBS.forEach((name, body) -> {
            int dot = name.lastIndexOf('.');
            sources.add(source(name.replace('.', '/') + ".java", "package " + name.substring(0, dot) + ";\n" + body));
        });
        for (Snippet s : snippets) {
            String pkg = "readme.l" + s.line();
            String first = firstCodeLine(s.code());
            String head;
            String tail;
            if (TYPE.matcher(first).matches()) {
                head = "package " + pkg + ";\n" + imports;
                tail = "\n";
            } else if (MEMBER.matcher(first).matches()) {
                head = "package " + pkg + ";\n" + imports + "class Snippet extends readme.Context {\n";
                tail = "\n}\n";
            } else {
                head = "package " + pkg + ";\n" + imports + "class Snippet extends readme.Context {\n"
                        + "void snippet() throws Exception {\n";
                tail = "\n}\n}\n";
            }
            JavaFileObject file = source(pkg.replace('.', '/') + "/Snippet.java", head + s.code() + tail);
            sources.add(file);
            byUri.put(file.toUri().toString(), s);
            offsets.put(file.toUri().toString(), (int) head.lines().count());
        }

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            List<String> options = List.of("--release", "17", "-proc:none", "-classpath",
                    System.getProperty("java.class.path"), "-d", classes.toString());
            javac.getTask(null, files, diagnostics, options, null, sources).call();
        }
        List<String> problems = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() != Diagnostic.Kind.ERROR) {
                continue;
            }
            String uri = d.getSource() == null ? null : d.getSource().toUri().toString();
            Snippet s = uri == null ? null : byUri.get(uri);
            if (s == null) {
                problems.add("the snippet context or a stub (" + uri + "): " + d.getMessage(Locale.ROOT));
            } else {
                long readmeLine = s.line() + d.getLineNumber() - offsets.get(uri) - 1;
                problems.add("README.md line " + readmeLine + " (```java block at line " + (s.line() - 1) + "): "
                        + d.getMessage(Locale.ROOT));
            }
        }
        if (!problems.isEmpty()) {
            fail(problems.size() + " README snippet(s) do not compile (see the convention in the Javadoc of "
                    + ReadmeSnippetsCompileTest.class.getSimpleName() + "):\n  " + String.join("\n  ", problems));
        }
    }

    /** The blocks, each with the README line of its first code line (1-based). */
    static List<Snippet> snippets(List<String> lines) {
        List<Snippet> out = new ArrayList<>();
        StringBuilder code = null;
        int start = 0;
        String indent = "";
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String trimmed = line.strip();
            if (code == null && trimmed.equals("```java")) {
                code = new StringBuilder();
                start = i + 2;
                indent = line.substring(0, line.indexOf('`'));
            } else if (code != null && trimmed.equals("```")) {
                out.add(new Snippet(start, code.toString()));
                code = null;
            } else if (code != null) {
                code.append(line.startsWith(indent) ? line.substring(indent.length()) : line).append('\n');
            }
        }
        return out;
    }

    private static String firstCodeLine(String code) {
        for (String l : code.lines().toList()) {
            String t = l.strip();
            if (!t.isEmpty() && !t.startsWith("//")) {
                return t;
            }
        }
        return "";
    }

    /** One import per line, so the header's line count stays what it is. */
    private static String imports() throws IOException {
        TreeSet<String> packages = new TreeSet<>(List.of("java.io", "java.nio.file", "java.sql", "javax.sql",
                "java.time", "java.util", "java.util.concurrent", "java.util.function"));
        for (URL url : Collections.list(ReadmeSnippetsCompileTest.class.getClassLoader()
                .getResources("module-info.class"))) {
            try (InputStream in = url.openStream()) {
                ModuleDescriptor d = ModuleDescriptor.read(in);
                if (d.name().startsWith("io.invitations.")) {
                    d.exports().stream().filter(e -> !e.isQualified()).forEach(e -> packages.add(e.source()));
                }
            }
        }
        packages.add("readme");
        STUBS.keySet().forEach(stub -> packages.add(stub.substring(0, stub.lastIndexOf('.'))));
        StringBuilder s = new StringBuilder();
        packages.forEach(p -> s.append("import ").append(p).append(".*;\n"));
        return s.toString();
    }

    private static JavaFileObject source(String path, String text) {
        return new SimpleJavaFileObject(URI.create("string:///" + path), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return text;
            }
        };
    }
}
