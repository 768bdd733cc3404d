package io.invitations.core.testing;

import io.invitations.core.InvitationService;
import io.invitations.spi.invitation.Invitation;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

@DisplayName("The suite-wide secret leak guard catches leaks")
class SecretLeakGuardTest {
    private static final String SELF_TEST = "secretLeakGuard.selfTest";

    /** Tests that leak on purpose; run only by {@link SecretLeakGuardTest} through the launcher. */
    @EnabledIfSystemProperty(named = SELF_TEST, matches = "true")
    static class Leaky {
        private static String token() {
            Fixture f = new Fixture();
            Invitation inv = f.invite("a@example.com");
            return f.service.administration(Fixture.ADMIN, inv.tenantId()).revealClaimLink(inv.id()).token();
        }

        @Test
        void logs_a_token() {
            LoggerFactory.getLogger(InvitationService.class).info("claim with {}", token());
        }

        @Test
        void builds_an_exception_message_with_a_token() {
            Secrets.observed(new IllegalStateException("bad link " + token()));
        }

        @Test
        void prints_nothing_secret() {
            LoggerFactory.getLogger(InvitationService.class).info("invited {}", "a@example.com");
        }
    }

    /** Runs one leaky test; its output goes to a sink so that it does not leak into this test's. */
    private static TestExecutionSummary run(String method) {
        java.io.PrintStream out = System.out;
        java.io.PrintStream err = System.err;
        java.io.PrintStream sink = new java.io.PrintStream(java.io.OutputStream.nullOutputStream());
        System.setOut(sink);
        System.setErr(sink);
        System.setProperty(SELF_TEST, "true");
        try {
            Launcher launcher = LauncherFactory.create();
            SummaryGeneratingListener summary = new SummaryGeneratingListener();
            launcher.execute(request().selectors(selectMethod(Leaky.class, method))
                    .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "true").build(), summary);
            return summary.getSummary();
        } finally {
            System.clearProperty(SELF_TEST);
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void a_token_in_a_log_line_fails_the_test_without_showing_the_token() {
        TestExecutionSummary s = run("logs_a_token");
        assertThat(s.getTotalFailureCount()).isEqualTo(1);
        Throwable failure = s.getFailures().get(0).getException();
        assertThat(failure).hasMessageContaining("log or console output");
        assertThat(Secrets.leakIn(failure.getMessage())).isNull();
    }

    @Test
    void a_token_in_an_exception_message_fails_the_test() {
        TestExecutionSummary s = run("builds_an_exception_message_with_a_token");
        assertThat(s.getTotalFailureCount()).isEqualTo(1);
        assertThat(s.getFailures().get(0).getException()).hasMessageContaining("exception message");
    }

    @Test
    void a_clean_test_passes() {
        TestExecutionSummary s = run("prints_nothing_secret");
        assertThat(s.getTestsSucceededCount()).isEqualTo(1);
        assertThat(s.getTotalFailureCount()).isZero();
    }
}
