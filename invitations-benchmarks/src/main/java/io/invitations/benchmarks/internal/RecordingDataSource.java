package io.invitations.benchmarks.internal;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * A data source that remembers every SQL text prepared through it, with the parameters last bound to
 * it, so that the statements a store runs can be shown with {@code EXPLAIN} exactly as they ran.
 * Thread-safe for recording; {@link #explain} runs on a connection of its own.
 */
public final class RecordingDataSource implements DataSource {
    /** One statement and its last parameters: the {@code setXxx} calls, replayed in order. */
    public record Recorded(String sql, List<Object[]> binds) {
    }

    private final DataSource delegate;
    private final Map<String, Recorded> statements = new LinkedHashMap<>();

    /**
     * Wraps a data source.
     *
     * @param delegate where connections come from
     */
    public RecordingDataSource(DataSource delegate) {
        this.delegate = delegate;
    }

    /**
     * Returns what was prepared since the last call, and forgets it.
     *
     * @return the statements, in the order first prepared
     */
    public synchronized List<Recorded> drain() {
        List<Recorded> all = new ArrayList<>(statements.values());
        statements.clear();
        return all;
    }

    /**
     * Shows the plan of a recorded statement with its recorded parameters ({@code EXPLAIN}, which
     * does not run it).
     *
     * @param statement    the statement
     * @param noSeqScan    whether to run with {@code enable_seqscan = off}, so that any usable index
     *                     is taken: a plan that still scans the table has no index to use
     * @return the plan, one line per node
     * @throws SQLException when EXPLAIN fails
     */
    public String explain(Recorded statement, boolean noSeqScan) throws SQLException {
        try (Connection c = delegate.getConnection()) {
            try (Statement s = c.createStatement()) {
                s.execute("SET enable_seqscan = " + (noSeqScan ? "off" : "on"));
            }
            try (PreparedStatement ps = c.prepareStatement("EXPLAIN " + statement.sql())) {
                for (Object[] call : statement.binds()) {
                    invoke(ps, (Method) call[0], (Object[]) call[1]);
                }
                StringBuilder plan = new StringBuilder();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        plan.append(rs.getString(1)).append('\n');
                    }
                }
                return plan.toString();
            } finally {
                try (Statement s = c.createStatement()) {
                    s.execute("RESET enable_seqscan");
                }
            }
        }
    }

    private static void invoke(Object target, Method m, Object[] args) throws SQLException {
        try {
            m.invoke(target, args);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private synchronized void record(String sql, List<Object[]> binds) {
        statements.put(sql, new Recorded(sql, List.copyOf(binds)));
    }

    private Connection wrap(Connection real) {
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    Object result = call(real, method, args);
                    if (method.getName().equals("prepareStatement") && args != null && args[0] instanceof String sql) {
                        return wrap((PreparedStatement) result, sql);
                    }
                    return result;
                });
    }

    private PreparedStatement wrap(PreparedStatement real, String sql) {
        List<Object[]> binds = new ArrayList<>();
        return (PreparedStatement) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, (proxy, method, args) -> {
                    String name = method.getName();
                    if (name.startsWith("set") && args != null && args.length >= 2 && args[0] instanceof Integer) {
                        binds.add(new Object[] {method, args.clone()});
                    } else if (name.startsWith("execute") || name.equals("addBatch")) {
                        record(sql, binds);
                    } else if (name.equals("clearParameters")) {
                        binds.clear();
                    }
                    return call(real, method, args);
                });
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        return wrap(delegate.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return wrap(delegate.getConnection(username, password));
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return delegate.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        delegate.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        delegate.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return delegate.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() {
        return Logger.getLogger("io.invitations.benchmarks");
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return delegate.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return delegate.isWrapperFor(iface);
    }
}
