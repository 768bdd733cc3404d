package io.invitations.examples;

import io.invitations.core.ClaimRequest;
import io.invitations.core.CodeRedemption;
import io.invitations.core.InvitationAdministration;
import io.invitations.core.InvitationMaintenance;
import io.invitations.core.InvitationService;
import io.invitations.core.InviteRequest;
import io.invitations.core.InviteeActions;
import io.invitations.core.SignUp;
import io.invitations.core.bulk.Batches;
import io.invitations.core.bulk.BulkRequest;
import io.invitations.core.bulk.BulkWaves;
import io.invitations.core.bulk.CellText;
import io.invitations.core.bulk.InvitationRow;
import io.invitations.core.bulk.RowSource;
import io.invitations.core.link.JoinRequest;
import io.invitations.core.link.ShareableLinkRequest;
import io.invitations.core.memory.InMemoryAttemptThrottle;
import io.invitations.core.memory.InMemoryIdentityDirectory;
import io.invitations.core.memory.InMemoryInvitationStore;
import io.invitations.core.memory.InMemoryKeyRing;
import io.invitations.core.memory.InMemoryMessageTemplateStore;
import io.invitations.core.memory.InMemorySeatLedger;
import io.invitations.core.memory.InMemoryTenantSettingsSource;
import io.invitations.core.memory.RecordingMailer;
import io.invitations.csv.ClaimLinkExport;
import io.invitations.csv.CsvExportOptions;
import io.invitations.csv.CsvImportOptions;
import io.invitations.csv.CsvImporter;
import io.invitations.csv.LdifImporter;
import io.invitations.csv.StatusReportExport;
import io.invitations.csv.TextImporter;
import io.invitations.csv.VCardImportOptions;
import io.invitations.csv.VCardImporter;
import io.invitations.excel.TemplateOptions;
import io.invitations.excel.XlsxImportOptions;
import io.invitations.excel.XlsxImporter;
import io.invitations.excel.XlsxStatusExport;
import io.invitations.excel.XlsxTemplate;
import io.invitations.spi.invitation.BatchId;
import io.invitations.spi.invitation.InvitationId;
import io.invitations.spi.invitation.Inviter;
import io.invitations.spi.invitation.LinkId;
import io.invitations.spi.invitation.PermissionLevel;
import io.invitations.spi.invitation.TenantId;
import io.invitations.spi.message.MessageTemplate;
import io.invitations.spi.storage.InvitationQuery;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Every public method of the facade checks its arguments at the boundary: called with {@code null}
 * for one reference parameter (the others set), it throws a {@link NullPointerException} whose
 * message is the parameter's name (for a builder's one-argument setter, the setting's name, which
 * is the method's), before it does anything else. A present but invalid value is a different
 * failure: {@code InvitationException} with {@code INVALID_REQUEST} (see ADR 0018).
 *
 * <p>Covered: {@link InvitationService} and its builder, {@link InviteeActions},
 * {@link InvitationAdministration}, {@link InvitationMaintenance}, the bulk helpers, and the public
 * entry points of the importers and exporters. A parameter documented as "or {@code null}" is
 * listed in {@link #NULLABLE}. Request builders ({@link InviteRequest} and the like) are not
 * operations: they carry what a person typed, {@code null} included, and the engine lists every
 * missing or bad field in one {@code InvalidRequestException}.
 */
class NullArgumentsAreNamedTest {
    private static final TenantId ACME = TenantId.of("acme");
    private static final Inviter ADMIN = Inviter.of("u-1", "Ada Admin", PermissionLevel.ADMIN_TENANT);

    /** Parameters that take {@code null} by design: {@code Type.method(parameter)}. */
    private static final Set<String> NULLABLE = Set.of(
            "InviteeActions.inspect(claimToken)",
            "InviteeActions.decline(claimToken)",
            "InviteeActions.optOut(optOutToken)",
            "InviteeActions.inspectShareableLink(linkToken)",
            "InvitationAdministration.exportClaimLinks(batch)",
            "CellText.neutralize(value)",
            "CellText.restore(value)",
            "InvitationAdministration.revoke(reason)",
            "InvitationAdministration.reject(reason)",
            "InvitationAdministration.referrals(from)",
            "InvitationAdministration.referrals(until)",
            "InvitationAdministration.topInviters(from)",
            "InvitationAdministration.topInviters(until)",
            "InvitationAdministration.send(message)",
            "InvitationAdministration.sendAllProvisioned(message)",
            "InvitationAdministration.handleDeparture(successor)",
            "InvitationAdministration.handleDeparture(reason)");

    private final InvitationService service = InvitationService.builder().build();
    private final Map<Class<?>, Object> samples = samples();

    @TestFactory
    Stream<DynamicTest> every_public_method_names_a_null_argument() {
        Map<String, Object> targets = new LinkedHashMap<>();
        targets.put("InvitationService", service);
        targets.put("InvitationService.Builder", InvitationService.builder());
        targets.put("InviteeActions", service.invitee());
        targets.put("InvitationAdministration", service.administration(ADMIN, ACME));
        targets.put("InvitationMaintenance", service.maintenance());
        List<Class<?>> statics = List.of(InvitationService.class, Batches.class, BulkWaves.class, CellText.class, CsvImporter.class, TextImporter.class,
                VCardImporter.class, LdifImporter.class, StatusReportExport.class, ClaimLinkExport.class,
                XlsxImporter.class, XlsxTemplate.class, XlsxStatusExport.class);

        List<DynamicTest> tests = new ArrayList<>();
        targets.forEach((name, target) -> {
            Class<?> type = declaredType(name, target);
            for (Method m : publicMethods(type, false)) {
                tests.addAll(checks(name, type, m, target));
            }
        });
        for (Class<?> type : statics) {
            for (Method m : publicMethods(type, true)) {
                tests.addAll(checks(type.getSimpleName(), type, m, null));
            }
        }
        assertThat(tests).as("checks").hasSizeGreaterThan(60);
        return tests.stream();
    }

    private static Class<?> declaredType(String name, Object target) {
        return switch (name) {
            case "InviteeActions" -> InviteeActions.class;
            case "InvitationAdministration" -> InvitationAdministration.class;
            case "InvitationMaintenance" -> InvitationMaintenance.class;
            default -> target.getClass();
        };
    }

    private static List<Method> publicMethods(Class<?> type, boolean statics) {
        return Arrays.stream(type.getMethods())
                .filter(m -> m.getDeclaringClass() != Object.class && !m.isSynthetic() && !m.isBridge())
                .filter(m -> Modifier.isStatic(m.getModifiers()) == statics)
                .filter(m -> !statics || m.getDeclaringClass() == type)
                .sorted(Comparator.comparing(Method::toGenericString))
                .toList();
    }

    private List<DynamicTest> checks(String owner, Class<?> type, Method m, Object target) {
        List<DynamicTest> out = new ArrayList<>();
        Parameter[] params = m.getParameters();
        for (int i = 0; i < params.length; i++) {
            if (params[i].getType().isPrimitive()) {
                continue;
            }
            String key = owner + "." + m.getName() + "(" + params[i].getName() + ")";
            if (NULLABLE.contains(key)) {
                continue;
            }
            int nulled = i;
            out.add(DynamicTest.dynamicTest(key + " [" + m.toGenericString() + "]", () -> {
                Object[] args = new Object[params.length];
                for (int j = 0; j < params.length; j++) {
                    args[j] = j == nulled ? null : sample(params[j].getType(), key);
                }
                Object on = target == null ? null : fresh(owner, target);
                Throwable thrown;
                try {
                    m.invoke(on, args);
                    thrown = null;
                } catch (InvocationTargetException e) {
                    thrown = e.getCause();
                }
                if (!(thrown instanceof NullPointerException npe)) {
                    fail(key + " accepted a null " + params[nulled].getName() + (thrown == null ? "" : " and then threw "
                            + thrown) + "; check it at the boundary with Objects.requireNonNull("
                            + params[nulled].getName() + ", \"" + params[nulled].getName()
                            + "\"), or, if null is documented as allowed, list it in NULLABLE");
                    return;
                }
                List<String> names = params.length == 1 ? List.of(params[nulled].getName(), m.getName())
                        : List.of(params[nulled].getName());
                assertThat(npe.getMessage()).as(key + ": the NullPointerException names the parameter "
                        + "(thrown at " + (npe.getStackTrace().length > 0 ? npe.getStackTrace()[0] : "?") + ")")
                        .isIn(names);
            }));
        }
        return out;
    }

    /** Builders keep state, so each check gets its own. */
    private Object fresh(String owner, Object target) {
        return switch (owner) {
            case "InvitationService.Builder" -> InvitationService.builder();
            default -> target;
        };
    }

    private Object sample(Class<?> type, String where) {
        if (type == int.class) {
            return 1;
        }
        if (type == long.class) {
            return 1L;
        }
        if (type == boolean.class) {
            return false;
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[0];
        }
        if (type.isArray()) {
            return java.lang.reflect.Array.newInstance(type.getComponentType(), 1);
        }
        Object s = samples.get(type);
        if (s != null) {
            return s;
        }
        for (Map.Entry<Class<?>, Object> e : samples.entrySet()) {
            if (type.isAssignableFrom(e.getKey())) {
                return e.getValue();
            }
        }
        if (type.isInterface() && type.getName().startsWith("java.")) {
            // a JDK functional or service interface: a stand-in that is never called when the
            // method checks its arguments first
            return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, m, a) -> null);
        }
        throw new AssertionError(where + ": no sample of " + type.getName() + "; add one to samples()");
    }

    private Map<Class<?>, Object> samples() {
        Map<Class<?>, Object> s = new HashMap<>();
        s.put(String.class, "x");
        s.put(Object.class, "x");
        s.put(Integer.class, 1);
        s.put(TenantId.class, ACME);
        s.put(Inviter.class, ADMIN);
        s.put(InvitationId.class, InvitationId.of("inv-1"));
        s.put(LinkId.class, LinkId.of("link-1"));
        s.put(BatchId.class, BatchId.of("batch-1"));
        s.put(InviteRequest.class, InviteRequest.builder().email("jane@example.com").role("member").build());
        s.put(BulkRequest.class, BulkRequest.builder(List.of()).build());
        s.put(ClaimRequest.class, ClaimRequest.builder("token").build());
        s.put(CodeRedemption.class, CodeRedemption.of(ACME, "phone", "+33612345678", "ABCDE-FGHIJ"));
        s.put(ShareableLinkRequest.class, ShareableLinkRequest.builder().role("member").build());
        s.put(JoinRequest.class, JoinRequest.of("jane@example.com", ClaimRequest.builder("token").build()));
        s.put(SignUp.class, SignUp.verified(ACME, "jane@example.com"));
        s.put(InvitationQuery.class, InvitationQuery.builder(ACME).build());
        s.put(MessageTemplate.class, MessageTemplate.of("Hello", "<p>{{claimUrl}}</p>", "{{claimUrl}}"));
        s.put(Locale.class, Locale.ENGLISH);
        s.put(Instant.class, Instant.EPOCH);
        s.put(Duration.class, Duration.ofMinutes(1));
        s.put(Clock.class, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
        s.put(List.class, List.of());
        s.put(ArrayList.class, new ArrayList<>());
        s.put(Set.class, Set.of());
        s.put(Collection.class, List.of());
        s.put(Map.class, Map.of());
        s.put(Optional.class, Optional.empty());
        s.put(InputStream.class, new ByteArrayInputStream(new byte[0]));
        s.put(OutputStream.class, new ByteArrayOutputStream());
        s.put(Reader.class, new StringReader(""));
        s.put(Writer.class, new StringWriter());
        s.put(Path.class, Path.of("target", "no-such-file"));
        s.put(InMemoryInvitationStore.class, new InMemoryInvitationStore());
        s.put(RecordingMailer.class, new RecordingMailer());
        s.put(InMemoryIdentityDirectory.class, new InMemoryIdentityDirectory());
        s.put(InMemorySeatLedger.class, new InMemorySeatLedger());
        s.put(InMemoryKeyRing.class, InMemoryKeyRing.random());
        s.put(InMemoryTenantSettingsSource.class, new InMemoryTenantSettingsSource());
        s.put(InMemoryAttemptThrottle.class, InMemoryAttemptThrottle.builder().build());
        s.put(InMemoryMessageTemplateStore.class, new InMemoryMessageTemplateStore());
        s.put(CsvImportOptions.class, CsvImportOptions.defaults());
        s.put(CsvExportOptions.class, CsvExportOptions.defaults());
        s.put(VCardImportOptions.class, VCardImportOptions.defaults());
        s.put(XlsxImportOptions.class, XlsxImportOptions.defaults());
        s.put(TemplateOptions.class, TemplateOptions.builder().build());
        s.put(InvitationRow.class, InvitationRow.builder(1).set(io.invitations.core.bulk.RowField.EMAIL, "jane@example.com").build());
        s.put(Supplier.class, (Supplier<Object>) () -> null);
        s.put(java.nio.charset.Charset.class, java.nio.charset.StandardCharsets.UTF_8);
        s.put(io.invitations.csv.ImportLimits.class, io.invitations.csv.ImportLimits.defaults());
        s.put(RowSource.class, (RowSource) rows -> { });
        return s;
    }
}
