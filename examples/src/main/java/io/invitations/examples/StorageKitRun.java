package io.invitations.examples;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * Runs a compatibility kit class through the JUnit Platform Launcher, the way an IDE or build tool
 * would, and counts its checks.
 *
 * @param checks    how many checks ran
 * @param passed    how many passed
 * @param failures  the display name and cause of each failed check
 */
record StorageKitRun(int checks, int passed, List<String> failures) {
    StorageKitRun {
        failures = List.copyOf(failures);
    }

    /** Runs every check of the kit class. */
    static StorageKitRun of(Class<?> kit) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request().selectors(selectClass(kit))
                .build();
        AtomicInteger checks = new AtomicInteger();
        AtomicInteger passed = new AtomicInteger();
        List<String> failures = new ArrayList<>();
        Launcher launcher = LauncherFactory.create();
        launcher.execute(request, new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                if (id.isTest()) {
                    checks.incrementAndGet();
                    if (result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
                        passed.incrementAndGet();
                    }
                }
                if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                    synchronized (failures) {
                        failures.add(id.getDisplayName() + ": " + result.getThrowable().map(Throwable::getMessage)
                                .orElse(result.getStatus().toString()));
                    }
                }
            }
        });
        return new StorageKitRun(checks.get(), passed.get(), failures);
    }

    boolean allPassed() {
        return failures.isEmpty() && checks > 0 && passed == checks;
    }
}
