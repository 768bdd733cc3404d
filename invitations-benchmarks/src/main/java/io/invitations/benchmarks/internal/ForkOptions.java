package io.invitations.benchmarks.internal;

/**
 * JVM options for the benchmark forks, as constants so that {@code @Fork(jvmArgsAppend = ...)} can
 * use them.
 */
public final class ForkOptions {
    /**
     * Routes JBoss Logging (Hibernate Validator's) to SLF4J and gives the Log4j API (Apache POI's)
     * its built-in simple provider. Without them, a fork prints "Log4j API could not find a logging
     * provider" as soon as either library loads, because POI brings the Log4j API without a provider.
     */
    public static final String QUIET_LOGGING_PROVIDERS = "-Dorg.jboss.logging.provider=slf4j";
    /** See {@link #QUIET_LOGGING_PROVIDERS}. */
    public static final String QUIET_LOG4J = "-Dlog4j2.loggerContextFactory="
            + "org.apache.logging.log4j.simple.SimpleLoggerContextFactory";

    private ForkOptions() {
    }

    /**
     * Sets the logging properties in this JVM, for code that is not started by JMH; it must run
     * before POI or Hibernate Validator is loaded.
     */
    public static void applyToThisJvm() {
        for (String option : new String[] {QUIET_LOGGING_PROVIDERS, QUIET_LOG4J}) {
            int equals = option.indexOf('=');
            System.setProperty(option.substring("-D".length(), equals), option.substring(equals + 1));
        }
    }
}
