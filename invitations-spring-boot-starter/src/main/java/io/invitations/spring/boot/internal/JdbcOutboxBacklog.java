package io.invitations.spring.boot.internal;

import io.invitations.micrometer.OutboxBacklog;
import io.invitations.spi.ErrorCode;
import io.invitations.spi.InvitationException;
import io.invitations.spi.storage.StorageException;
import org.apiguardian.api.API;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Reads the JDBC store's outbox backlog with one query over the partial index of pending messages.
 * (Until the store offers this itself, the starter reads its table directly.)
 */
@API(status = API.Status.INTERNAL, since = "1.0")
public final class JdbcOutboxBacklog implements OutboxBacklog {
    private static final Pattern PREFIX = Pattern.compile("[a-z0-9_]{0,32}");

    private final DataSource dataSource;
    private final String sql;

    /**
     * Creates the reader.
     *
     * @param dataSource  the store's data source
     * @param tablePrefix the store's table prefix
     * @throws InvitationException with {@code CONFIGURATION} if the prefix is not up to 32 lower-case
     *                             letters, digits and '_' (naming {@code invitations.jdbc.table-prefix})
     */
    public JdbcOutboxBacklog(DataSource dataSource, String tablePrefix) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        if (tablePrefix == null || !PREFIX.matcher(tablePrefix).matches()) {
            throw new InvitationException(ErrorCode.CONFIGURATION, "invitations.jdbc.table-prefix must be up to 32"
                    + " of a-z 0-9 _ (the JDBC store's prefix, e.g. inv_), was '" + tablePrefix + "'");
        }
        this.sql = "SELECT COUNT(*), MIN(CASE WHEN next_attempt_at <= ? THEN next_attempt_at END) FROM "
                + tablePrefix + "outbox WHERE status = 'PENDING'";
    }

    @Override
    public Snapshot read(Instant now) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setTimestamp(1, Timestamp.from(now));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                Timestamp oldest = rs.getTimestamp(2);
                return new Snapshot(rs.getLong(1), oldest == null ? null : oldest.toInstant());
            }
        } catch (SQLException e) {
            throw new StorageException("could not read the outbox backlog (SQLState " + e.getSQLState() + ")", e);
        }
    }
}
