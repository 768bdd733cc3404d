package io.invitations.jdbc;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.EnumMap;
import java.util.Map;

/**
 * A JUnit extension giving a test class one fresh {@link TestDatabase} per dialect, created on first
 * use and closed after the class. Register it as a static field with {@code @RegisterExtension}.
 */
final class Databases implements AfterAllCallback {
    private final Map<JdbcDialect, TestDatabase> open = new EnumMap<>(JdbcDialect.class);

    synchronized TestDatabase get(JdbcDialect dialect) {
        return open.computeIfAbsent(dialect, TestDatabase::create);
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) {
        open.values().forEach(TestDatabase::close);
        open.clear();
    }
}
