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
    /** The most characters a column's first element reserves per row, whatever its own length. */
    static final int MAX_ELEMENT_ESTIMATE = 64;

    private final PreparedStatement statement;
    private final int rows;
    private final StringBuilder[] columns;
    private final String[] types;
    /** Per column, the last instant collected and its text: the rows of a bulk mostly share their instants. */
    private final Instant[] lastInstants;
    private final String[] lastInstantTexts;
    private int index = 1;

    /**
     * Starts at the first parameter.
     *
     * @param statement the statement to bind
     */
    public Params(PreparedStatement statement) {
        this.statement = statement;
        this.rows = 0;
        this.columns = null;
        this.types = null;
        this.lastInstants = null;
        this.lastInstantTexts = null;
    }

    private Params(int columnCount, int rows) {
        this.statement = null;
        this.rows = rows;
        this.columns = new StringBuilder[columnCount];
        this.types = new String[columnCount];
        this.lastInstants = new Instant[columnCount];
        this.lastInstantTexts = new String[columnCount];
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
        StringBuilder out = columns[column];
        if (out == null) {
            return "{}";
        }
        String text = out.append('}').toString();
        out.setLength(out.length() - 1);
        return text;
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
     * Starts collecting the next value as an array element: appends the separator and returns the
     * column's text to append the element to; {@code null} when this binds a statement instead.
     * A column's text is sized on its first element, for as many rows of about that length (at most
     * {@value #MAX_ELEMENT_ESTIMATE} characters a row: it grows when the rows are longer).
     *
     * @param type the column's PostgreSQL type name
     * @param size the element's length in the array text, an estimate
     */
    private StringBuilder element(String type, int size) {
        if (columns == null) {
            return null;
        }
        int at = index++ - 1;
        int column = at % columns.length;
        StringBuilder out = columns[column];
        if (out == null) {
            // capped per element, so one long first value does not reserve rows times its length
            out = new StringBuilder(2 + rows * (Math.min(size, MAX_ELEMENT_ESTIMATE) + 1)).append('{');
            columns[column] = out;
        } else {
            out.append(',');
        }
        types[column] = type;
        return out;
    }

    /** The characters a column's text has room for now, for tests of its sizing. */
    int reserved(int column) {
        return columns[column].capacity();
    }

    /** The column of the value {@link #element} just started. */
    private int lastColumn() {
        return (index - 2) % columns.length;
    }

    /**
     * Collects one value as an array element; {@code false} when this binds a statement instead.
     *
     * @param value  the element's text, or {@code null} for SQL NULL
     * @param quoted whether to quote it (texts; numbers, flags and instants need no quotes)
     */
    private boolean collect(String value, boolean quoted, String type) {
        StringBuilder out = element(type, value == null ? 4 : value.length() + (quoted ? 2 : 0));
        if (out == null) {
            return false;
        }
        if (value == null) {
            out.append("NULL");
        } else if (!quoted) {
            out.append(value);
        } else if (value.indexOf('"') < 0 && value.indexOf('\\') < 0) {
            out.append('"').append(value).append('"');
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

    /**
     * Collects an instant as an array element, reusing the text of the column's last instant when
     * it is the same; {@code false} when this binds a statement instead.
     */
    private boolean collectInstant(Instant value) {
        if (value == null) {
            return collect(null, false, "timestamptz");
        }
        StringBuilder out = element("timestamptz", 27);
        if (out == null) {
            return false;
        }
        int column = lastColumn();
        String text = lastInstantTexts[column];
        if (text == null || !value.equals(lastInstants[column])) {
            text = arrayInstant(value);
            lastInstants[column] = value;
            lastInstantTexts[column] = text;
        }
        out.append(text);
        return true;
    }

    /**
     * An instant as array text: UTC, microseconds (truncated), every field
     * ({@code 2026-03-02T09:15:30.000000Z}).
     *
     * @param value the instant, not {@code null}
     * @return the text
     */
    static String arrayInstant(Instant value) {
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
        StringBuilder out = element("int4", 6);
        if (out != null) {
            out.append(value);
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
        StringBuilder out = element("int8", 6);
        if (out != null) {
            out.append(value);
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
        if (collectInstant(value)) {
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
