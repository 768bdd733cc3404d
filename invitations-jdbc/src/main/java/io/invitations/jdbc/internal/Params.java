package io.invitations.jdbc.internal;

import org.apiguardian.api.API;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

/**
 * Binds a statement's parameters left to right, so that binders need not count positions.
 * Instants are stored at microsecond precision (PostgreSQL's), truncated, as UTC
 * {@code TIMESTAMP WITH TIME ZONE}.
 *
 * <p>{@link #columns(int, int)} makes one that binds nothing: it collects the values of many rows
 * column by column, each column as the text of a PostgreSQL array with its element type, so that a
 * multi-row insert can send one parameter per column
 * ({@code INSERT ... SELECT * FROM unnest(?::varchar[], ...)}) instead of one per value.
 */
@API(status = API.Status.INTERNAL, since = "1.0")
public final class Params {
    private final PreparedStatement statement;
    private final StringBuilder[] columns;
    private final String[] types;
    private int index = 1;

    /**
     * Starts at the first parameter.
     *
     * @param statement the statement to bind
     */
    public Params(PreparedStatement statement) {
        this.statement = statement;
        this.columns = null;
        this.types = null;
    }

    private Params(int columnCount, int rows) {
        this.statement = null;
        this.columns = new StringBuilder[columnCount];
        this.types = new String[columnCount];
        for (int k = 0; k < columnCount; k++) {
            columns[k] = new StringBuilder(2 + rows * 24).append('{');
        }
    }

    /**
     * Collects rows column by column instead of binding them: bind each row's values in order, as
     * for a single-row statement, then read {@link #column(int)} and {@link #type(int)}.
     *
     * @param columnCount values per row
     * @param rows        rows to collect
     * @return the collector
     */
    public static Params columns(int columnCount, int rows) {
        return new Params(columnCount, rows);
    }

    /**
     * Returns one collected column as the text of an array, a value per row, to bind as a text and
     * cast to {@link #type(int)}{@code []} in the statement.
     *
     * @param column the column, from 0
     * @return the array's text, e.g. {@code {"a",NULL,"b"}}
     */
    public String column(int column) {
        return columns[column] + "}";
    }

    /**
     * Returns one collected column's PostgreSQL type name ({@code varchar}, {@code int4},
     * {@code int8}, {@code bool} or {@code timestamptz}), as the binder's calls declared it.
     *
     * @param column the column, from 0
     * @return the type name
     */
    public String type(int column) {
        return types[column];
    }

    /**
     * Collects one value as an array element; {@code false} when this binds a statement instead.
     *
     * @param value  the element's text, or {@code null} for SQL NULL
     * @param quoted whether to quote it (texts; numbers, flags and instants need no quotes)
     */
    private boolean collect(String value, boolean quoted, String type) {
        if (columns == null) {
            return false;
        }
        int at = index++ - 1;
        int column = at % columns.length;
        StringBuilder out = columns[column];
        if (at >= columns.length) {
            out.append(',');
        }
        types[column] = type;
        if (value == null) {
            out.append("NULL");
        } else if (!quoted) {
            out.append(value);
        } else {
            out.append('"');
            for (int k = 0; k < value.length(); k++) {
                char ch = value.charAt(k);
                if (ch == '"' || ch == '\\') {
                    out.append('\\');
                }
                out.append(ch);
            }
            out.append('"');
        }
        return true;
    }

    /** An instant as array text: UTC, microseconds, every field ({@code 2026-03-02T09:15:30.000000Z}). */
    private static String arrayInstant(Instant value) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(value.getEpochSecond(), value.getNano(), ZoneOffset.UTC);
        StringBuilder sb = new StringBuilder(27);
        digits(sb, t.getYear(), 4).append('-');
        digits(sb, t.getMonthValue(), 2).append('-');
        digits(sb, t.getDayOfMonth(), 2).append('T');
        digits(sb, t.getHour(), 2).append(':');
        digits(sb, t.getMinute(), 2).append(':');
        digits(sb, t.getSecond(), 2).append('.');
        return digits(sb, t.getNano() / 1000, 6).append('Z').toString();
    }

    private static StringBuilder digits(StringBuilder sb, int value, int width) {
        String text = Integer.toString(value);
        for (int k = text.length(); k < width; k++) {
            sb.append('0');
        }
        return sb.append(text);
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
        if (collect(value, true, "varchar")) {
            return this;
        }
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
        if (columns != null) {
            throw new IllegalStateException("an array parameter cannot be collected into a column");
        }
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
        if (collect(Integer.toString(value), false, "int4")) {
            return this;
        }
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
            if (collect(null, false, "int4")) {
                return this;
            }
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
        if (collect(Long.toString(value), false, "int8")) {
            return this;
        }
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
        if (collect(value ? "t" : "f", false, "bool")) {
            return this;
        }
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
        if (collect(value == null ? null : arrayInstant(value), false, "timestamptz")) {
            return this;
        }
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
