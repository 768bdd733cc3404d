package io.invitations.core.memory;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * The results of one run of a compatibility kit through the JUnit Platform launcher, by check:
 * {@code Group.method} (the kit's nested class and method name, stable where display names may be
 * reworded). The {@code Broken*FailThe*KitTest} classes run a kit against a correct and against
 * deliberately broken implementations with it. The kit subclasses they run are nested, not named
 * {@code *Test}, and {@code @Disabled(RUN_BY_THE_LAUNCHER_ONLY)}, so the build never runs them on its
 * own; this run switches that condition off.
 */
record KitRun(String kit, Map<String, TestExecutionResult> results) {
    /** The reason on the kit subclasses that only these runs may start. */
    static final String RUN_BY_THE_LAUNCHER_ONLY = "run through the launcher by a Broken*FailThe*KitTest";

    /**
     * Runs every check of a kit subclass.
     *
     * @param kit the subclass
     * @return the results
     */
    static KitRun of(Class<?> kit) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(kit))
                .configurationParameter("junit.jupiter.conditions.deactivate", "org.junit.*DisabledCondition")
                .build();
        Map<String, TestExecutionResult> results = new TreeMap<>();
        TestExecutionListener recorder = new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                if (id.isTest() && id.getSource().orElse(null) instanceof MethodSource m) {
                    String group = m.getClassName().substring(m.getClassName().lastIndexOf('$') + 1);
                    synchronized (results) {
                        results.put(group + "." + m.getMethodName(), result);
                    }
                }
            }
        };
        LauncherFactory.create().execute(request, recorder);
        return new KitRun(kit.getSimpleName(), results);
    }

    /** The checks that failed (an assumption that aborted a check counts as neither). */
    Set<String> failed() {
        return names(TestExecutionResult.Status.FAILED);
    }

    /** The checks that passed. */
    Set<String> passed() {
        return names(TestExecutionResult.Status.SUCCESSFUL);
    }

    /** The checks that were skipped (aborted by an assumption). */
    Set<String> skipped() {
        return names(TestExecutionResult.Status.ABORTED);
    }

    private Set<String> names(TestExecutionResult.Status status) {
        return results.entrySet().stream().filter(e -> e.getValue().getStatus() == status)
                .map(Map.Entry::getKey).collect(Collectors.toCollection(TreeSet::new));
    }

    @Override
    public String toString() {
        return kit + " failed " + failed() + " of " + results.size() + " checks; first failure: " + results.values()
                .stream().filter(r -> r.getStatus() == TestExecutionResult.Status.FAILED).findFirst()
                .flatMap(TestExecutionResult::getThrowable).map(Throwable::toString).orElse("none");
    }
}
