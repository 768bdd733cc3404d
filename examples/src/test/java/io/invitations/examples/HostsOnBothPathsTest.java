package io.invitations.examples;

import io.invitations.core.InvitationService;
import io.invitations.core.InviteRequest;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.InvitationStatus;
import io.invitations.spi.invitation.Inviter;
import io.invitations.spi.invitation.PermissionLevel;
import io.invitations.spi.invitation.TenantId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A host on the class path and a host on the module path both work: the second compiles a tiny named
 * module ({@code requires io.invitations.core;}) against the module path and runs it in its own
 * {@link ModuleLayer}, where only the exported packages are readable.
 */
class HostsOnBothPathsTest {
    /** The jars (or class directories) a module-path host needs: the library and its dependencies. */
    private static final List<String> MODULE_PATH = List.of("invitations-spi", "invitations-core",
            "jakarta.validation-api", "slf4j-api", "slf4j-simple", "caffeine", "hibernate-validator", "jboss-logging",
            "classmate");

    @Test
    void a_host_on_the_class_path_builds_a_service_and_invites_someone() {
        assertThat(InvitationService.class.getModule().isNamed()).isFalse();
        TenantId acme = TenantId.of("acme");
        Inviter admin = Inviter.of("u-1", "Ada Admin", PermissionLevel.ADMIN_TENANT);
        InvitationService service = InvitationService.builder().build();

        Invitation sent = service.administration(admin, acme)
                .invite(InviteRequest.builder().email("jane@example.com").role("member").build());

        assertThat(sent.status()).isEqualTo(InvitationStatus.PENDING);
    }

    @Test
    @Timeout(300)
    void a_host_on_the_module_path_builds_a_service_and_invites_someone(@TempDir Path dir) throws Exception {
        List<Path> modulePath = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry);
            String where = p.getFileName().toString().endsWith(".jar") ? p.getFileName().toString()
                    : p.getParent().getParent().getFileName().toString();
            if (MODULE_PATH.stream().anyMatch(where::startsWith) && !entry.contains("test-classes")) {
                modulePath.add(p);
            }
        }
        Path src = dir.resolve("src/example.host");
        Files.createDirectories(src.resolve("example/host"));
        Files.writeString(src.resolve("module-info.java"), """
                module example.host {
                    requires io.invitations.core;
                    exports example.host;
                }
                """);
        Files.writeString(src.resolve("example/host/Host.java"), """
                package example.host;

                import io.invitations.core.InvitationService;
                import io.invitations.core.InviteRequest;
                import io.invitations.spi.invitation.Inviter;
                import io.invitations.spi.invitation.PermissionLevel;
                import io.invitations.spi.invitation.TenantId;

                public final class Host {
                    public static String invite() {
                        TenantId acme = TenantId.of("acme");
                        Inviter admin = Inviter.of("u-1", "Ada Admin", PermissionLevel.ADMIN_TENANT);
                        InvitationService service = InvitationService.builder().build();
                        return service.administration(admin, acme)
                                .invite(InviteRequest.builder().email("jane@example.com").role("member").build())
                                .status().name();
                    }
                }
                """);
        Path out = dir.resolve("out");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        String path = modulePath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
        int status = javac.run(null, null, errors, "--release", "17", "--module-path", path, "-d", out.toString(),
                src.resolve("module-info.java").toString(), src.resolve("example/host/Host.java").toString());
        assertThat(status).as(errors.toString()).isZero();

        // an internal package does not compile against the module path
        Path bad = dir.resolve("bad/example.bad");
        Files.createDirectories(bad.resolve("example/bad"));
        Files.writeString(bad.resolve("module-info.java"), "module example.bad { requires io.invitations.core; }");
        Files.writeString(bad.resolve("example/bad/Bad.java"),
                "package example.bad; class Bad { io.invitations.core.internal.Context c; }");
        ByteArrayOutputStream refused = new ByteArrayOutputStream();
        assertThat(javac.run(null, null, refused, "--release", "17", "--module-path", path, "-d",
                dir.resolve("bad-out").toString(), bad.resolve("module-info.java").toString(),
                bad.resolve("example/bad/Bad.java").toString())).isNotZero();
        assertThat(refused.toString()).contains("is not visible");

        List<Path> all = new ArrayList<>(modulePath);
        all.add(out);
        ModuleFinder finder = ModuleFinder.of(all.toArray(Path[]::new));
        Set<String> roots = finder.findAll().stream().map(r -> r.descriptor().name()).collect(Collectors.toSet());
        Configuration cf = ModuleLayer.boot().configuration().resolveAndBind(finder, ModuleFinder.of(), roots);
        ModuleLayer layer = ModuleLayer.boot().defineModulesWithOneLoader(cf, ClassLoader.getPlatformClassLoader());
        assertThat(layer.findModule("io.invitations.core")).isPresent()
                .get().matches(m -> !m.isExported("io.invitations.core.internal"))
                .matches(m -> m.isExported("io.invitations.core"));
        Class<?> host = layer.findLoader("example.host").loadClass("example.host.Host");
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(host.getClassLoader());
        try {
            assertThat(host.getMethod("invite").invoke(null)).isEqualTo("PENDING");
        } finally {
            Thread.currentThread().setContextClassLoader(before);
        }
        assertThat(host.getModule().isNamed()).isTrue();
        assertThat(finder.find("io.invitations.core").map(ModuleReference::descriptor).orElseThrow().isAutomatic())
                .isFalse();
    }
}
