package io.invitations.core.testing;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Runs around every test of the module (registered by extension autodetection): captures what the
 * test writes to standard output and error (slf4j-simple logs to standard error), collects the
 * texts tests record in {@link Secrets} and any exception a test throws, and fails the test when any
 * of it holds a token. The failure names where, never the token.
 */
public final class SecretLeakGuard implements BeforeEachCallback, AfterEachCallback, TestExecutionExceptionHandler {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(SecretLeakGuard.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        Secrets.drainObserved();
        Secrets.forgetTokens();
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream out = System.out;
        PrintStream err = System.err;
        context.getStore(NS).put("state", new State(captured, out, err));
        System.setOut(new PrintStream(new Tee(out, captured), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Tee(err, captured), true, StandardCharsets.UTF_8));
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        Secrets.observed(throwable);
        throw throwable;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        State state = context.getStore(NS).remove("state", State.class);
        System.out.flush();
        System.err.flush();
        System.setOut(state.out);
        System.setErr(state.err);
        String output = state.captured.toString(StandardCharsets.UTF_8);
        String leak = Secrets.leakIn(output);
        if (leak != null) {
            throw new AssertionError("log or console output of this test holds " + leak);
        }
        for (String text : Secrets.drainObserved()) {
            leak = Secrets.leakIn(text);
            if (leak != null) {
                throw new AssertionError("an exception message or description seen by this test holds " + leak);
            }
        }
    }

    private record State(ByteArrayOutputStream captured, PrintStream out, PrintStream err) {
    }

    /** Writes to the original stream and to the capture. */
    private static final class Tee extends OutputStream {
        private final OutputStream first;
        private final OutputStream second;

        Tee(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) throws java.io.IOException {
            first.write(b);
            synchronized (second) {
                second.write(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws java.io.IOException {
            first.write(b, off, len);
            synchronized (second) {
                second.write(b, off, len);
            }
        }

        @Override
        public void flush() throws java.io.IOException {
            first.flush();
        }
    }
}
