package io.invitations.jdbc.internal;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Binds a statement's parameters left to right, so that binders need not count positions.
 * Instants are stored at microsecond precision (PostgreSQL's), truncated, as UTC
 * {@code TIMESTAMP WITH TIME ZONE}.
 */
public final class Params {
    private final PreparedStatement statement;
    private int index = 1;

    /**
     * Starts at the first parameter.
     *
     * @param statement the statement to bind
     */
    public Params(PreparedStatement statement) {
        this.statement = statement;
    }

    /**
     * Converts an instant to the value the database stores.
     *
     * @param instant the instant, or {@code null}
     * @return the UTC date-time truncated to microseconds, or {@code null}
     */
    public static OffsetDateTime toDatabase(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    /**
     * Binds a text, or SQL NULL.
     *
     * @param value the text, or {@code null}
     * @return this
     * @throws SQLException if binding fails
     */
    public Params text(String value) throws SQLException {
        statement.setString(index++, value);
        return this;
    }

    /**
     * Binds an array of texts, for {@code = ANY(?)}.
     *
     * @param values the texts, not {@code null}
     * @return this
     * @throws SQLException if binding fails
     */
    public Params textArray(Object[] values) throws SQLException {
        statement.setArray(index++, statement.getConnection().createArrayOf("varchar", values));
        return this;
    }

    /**
     * Binds an enum constant's name, or SQL NULL.
     *
     * @param value the constant, or {@code null}
     * @return this
     * @throws SQLException if binding fails
     */
    public Params name(Enum<?> value) throws SQLException {
        return text(value == null ? null : value.name());
    }

    /**
     * Binds an integer.
     *
     * @param value the number
     * @return this
     * @throws SQLException if binding fails
     */
    public Params integer(int value) throws SQLException {
        statement.setInt(index++, value);
        return this;
    }

    /**
     * Binds an integer, or SQL NULL.
     *
     * @param value the number, or {@code null}
     * @return this
     * @throws SQLException if binding fails
     */
    public Params integer(Integer value) throws SQLException {
        if (value == null) {
            statement.setNull(index++, Types.INTEGER);
            return this;
        }
        return integer(value.intValue());
    }

    /**
     * Binds a long.
     *
     * @param value the number
     * @return this
     * @throws SQLException if binding fails
     */
    public Params number(long value) throws SQLException {
        statement.setLong(index++, value);
        return this;
    }

    /**
     * Binds a boolean.
     *
     * @param value the flag
     * @return this
     * @throws SQLException if binding fails
     */
    public Params flag(boolean value) throws SQLException {
        statement.setBoolean(index++, value);
        return this;
    }

    /**
     * Binds an instant as a UTC timestamp with time zone, or SQL NULL.
     *
     * @param value the instant, or {@code null}
     * @return this
     * @throws SQLException if binding fails
     */
    public Params instant(Instant value) throws SQLException {
        if (value == null) {
            statement.setNull(index++, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(index++, toDatabase(value));
        }
        return this;
    }

    /**
     * Binds a value of one of the types the filters use: text, instant, integer or long.
     *
     * @param value the value, not {@code null}
     * @return this
     * @throws SQLException if binding fails
     * @throws IllegalArgumentException if the type is none of those
     */
    public Params any(Object value) throws SQLException {
        if (value instanceof String s) {
            return text(s);
        }
        if (value instanceof Instant t) {
            return instant(t);
        }
        if (value instanceof Integer n) {
            return integer(n.intValue());
        }
        if (value instanceof Long n) {
            return number(n);
        }
        throw new IllegalArgumentException("cannot bind a " + value.getClass().getName());
    }
}
