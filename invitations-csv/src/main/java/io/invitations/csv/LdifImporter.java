package io.invitations.csv;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldif.DuplicateValueBehavior;
import com.unboundid.ldif.LDIFChangeRecord;
import com.unboundid.ldif.LDIFException;
import com.unboundid.ldif.LDIFReader;
import com.unboundid.ldif.LDIFRecord;
import com.unboundid.ldif.TrailingSpaceBehavior;
import io.invitations.core.bulk.ImportException;
import io.invitations.core.bulk.InvitationRow;
import io.invitations.core.bulk.RowField;
import io.invitations.csv.internal.InputText;
import io.invitations.csv.internal.LdifSafety;
import io.invitations.csv.internal.PersonName;
import io.invitations.csv.internal.RowCollector;
import io.invitations.spi.ErrorCode;
import io.invitations.spi.invitation.IdentifierKind;
import org.apiguardian.api.API;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.function.Consumer;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads invitation rows from an LDIF export of a directory (RFC 2849, as written by
 * {@code ldapsearch}, Active Directory's {@code ldifde}, OpenLDAP or 389 DS), parsed with the
 * UnboundID LDAP SDK. Base64 values ({@code sn:: TcO8bGxlcg==}) and folded lines are understood.
 *
 * <ul>
 *   <li>{@code mail} is the email; {@code givenName} and {@code sn} the names, and when both are
 *       missing {@code cn} is split ("Jane Doe" gives Jane / Doe).</li>
 *   <li>An entry without {@code mail} but with {@code employeeNumber} becomes an identifier row of
 *       kind {@code personnel_number}; with neither, the row gets a problem on {@code email}.</li>
 *   <li>The entry's DN, and its {@code employeeNumber} when it also has a mail, are kept as metadata
 *       ({@code dn}, {@code employeeNumber}).</li>
 *   <li>Entries that are not people (no {@code mail}, {@code givenName}, {@code sn} or
 *       {@code employeeNumber}, and no person object class: the tree's {@code dc} and {@code ou}
 *       entries, groups) are skipped with a warning.</li>
 *   <li><b>Row numbers</b> count entries: the first entry in the file is row 1, skipped entries
 *       included.</li>
 * </ul>
 *
 * <p>Refused with an {@link ImportException}: change records ({@code changetype:}), malformed LDIF
 * (with the line), values given by URL ({@code :<}, which would read files on the server:
 * {@link ErrorCode#IMPORT_UNSAFE}), files without any person, binary files and files over the
 * limits. LDIF is UTF-8 by definition. Thread-safe: the class holds no state.
 *
 * <pre>{@code
 * ImportResult result = LdifImporter.read(Files.newInputStream(Path.of("people.ldif")));
 * }</pre>
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public final class LdifImporter {
    private static final String FORMAT = "LDIF";
    private static final Set<String> PERSON_CLASSES =
            Set.of("person", "organizationalperson", "inetorgperson", "user", "posixaccount");

    private LdifImporter() {
    }

    /**
     * Reads an LDIF file with the default limits.
     *
     * @param in the file's bytes; read to the end, not closed
     * @return one row per person entry, and warnings
     * @throws ImportException      when the file cannot be read as a whole
     * @throws UncheckedIOException when reading the stream fails
     */
    public static ImportResult read(InputStream in) {
        return read(in, ImportLimits.defaults());
    }

    /**
     * Reads an LDIF file.
     *
     * @param in     the file's bytes; read to the end, not closed
     * @param limits the size limit and the most entries read
     * @return one row per person entry in file order, and warnings (entries skipped)
     * @throws ImportException      codes {@link ErrorCode#IMPORT_INVALID_FILE} (malformed, change
     *                              records, no person), {@link ErrorCode#IMPORT_UNSAFE} (URL values),
     *                              {@link ErrorCode#IMPORT_LIMIT_EXCEEDED}
     * @throws UncheckedIOException when reading the stream fails
     */
    public static ImportResult read(InputStream in, ImportLimits limits) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(limits, "limits");
        RowCollector collector = new RowCollector(limits);
        return collector.result(parse(in, limits, collector));
    }

    /**
     * Reads an LDIF file, handing each person entry's row to {@code consumer} as soon as it is read
     * instead of returning one list (see {@code CsvImporter.forEachRow} for the contract). The file's
     * text is checked as a whole for URL values first, so it is held once; the rows are not.
     *
     * @param in       the file's bytes; read to the end, not closed
     * @param limits   the size limit and the most entries read
     * @param consumer told of each row, in file order
     * @return how many rows were handed over, and the warnings
     * @throws ImportException      as {@link #read(InputStream, ImportLimits)}
     * @throws UncheckedIOException when reading the stream fails
     */
    public static ImportSummary forEachRow(InputStream in, ImportLimits limits,
                                           Consumer<? super InvitationRow> consumer) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(consumer, "consumer");
        RowCollector collector = new RowCollector(limits, consumer);
        return collector.summary(parse(in, limits, collector));
    }

    /** Reads every entry into the collector; returns what to say when it holds no row. */
    private static String parse(InputStream in, ImportLimits limits, RowCollector collector) {
        String text = InputText.read(in, StandardCharsets.UTF_8, limits.maxBytes(), FORMAT);
        LdifSafety.requireNoUrlValues(text);
        LDIFReader reader = new LDIFReader(new BufferedReader(new StringReader(text)));
        reader.setTrailingSpaceBehavior(TrailingSpaceBehavior.STRIP);
        reader.setDuplicateValueBehavior(DuplicateValueBehavior.STRIP);
        LDIFRecord record;
        int entryNumber = 1;
        for (; (record = next(reader, entryNumber)) != null; entryNumber++) {
            if (record instanceof LDIFChangeRecord change) {
                throw new ImportException(ErrorCode.IMPORT_INVALID_FILE, entryNumber, null, "entry '" + change.getDN()
                        + "' is a change record (changetype: " + change.getChangeType().getName() + "); export the "
                        + "entries themselves (e.g. with ldapsearch), not a change log");
            }
            Entry entry = (Entry) record;
            if (!isPerson(entry)) {
                collector.skipped(entryNumber, "entry '" + entry.getDN() + "' is not a person (no mail, givenName, sn "
                        + "or employeeNumber); skipped");
                continue;
            }
            collector.add(toRow(entry, entryNumber));
        }
        return entryNumber == 1
                ? "the file holds no LDIF entry; an entry starts with a 'dn:' line"
                : "the file holds no person entry (with mail, givenName, sn or employeeNumber)";
    }

    private static LDIFRecord next(LDIFReader reader, int entryNumber) {
        try {
            return reader.readLDIFRecord();
        } catch (LDIFException e) {
            // UnboundID's messages name the line and the attribute, never a value (trailing spaces,
            // the one message that quotes a line, are stripped rather than refused)
            throw new ImportException(ErrorCode.IMPORT_INVALID_FILE, entryNumber, null, "the LDIF is malformed near "
                    + "line " + e.getLineNumber() + ": " + e.getMessage() + " Fix the entry or export the directory "
                    + "again", e);
        } catch (IOException | RuntimeException e) {
            // the SDK's own failures on odd input must not escape untyped
            throw new ImportException(ErrorCode.IMPORT_INVALID_FILE, entryNumber, null, "the LDIF entry could not be "
                    + "read (" + e.getClass().getSimpleName() + "); export the directory again", e);
        }
    }

    private static boolean isPerson(Entry entry) {
        if (Stream.of("mail", "givenName", "sn", "employeeNumber")
                .anyMatch(a -> !isBlank(entry.getAttributeValue(a)))) {
            return true;
        }
        String[] classes = entry.getObjectClassValues();
        return classes != null && Stream.of(classes)
                .anyMatch(c -> c != null && PERSON_CLASSES.contains(c.strip().toLowerCase(Locale.ROOT)));
    }

    private static InvitationRow toRow(Entry entry, int entryNumber) {
        InvitationRow.Builder row = InvitationRow.builder(entryNumber);
        Set<String> notUtf8 = new java.util.LinkedHashSet<>();
        String given = text(entry, "givenName", notUtf8);
        String family = text(entry, "sn", notUtf8);
        if (isBlank(given) && isBlank(family)) {
            PersonName split = PersonName.split(text(entry, "cn", notUtf8));
            given = split.given();
            family = split.family();
        }
        row.set(RowField.FIRST_NAME, given).set(RowField.LAST_NAME, family).metadata("dn", entry.getDN());
        String mail = text(entry, "mail", notUtf8);
        String employeeNumber = text(entry, "employeeNumber", notUtf8);
        for (String attribute : notUtf8) {
            row.problem(attribute, "the " + attribute + " value of entry '" + entry.getDN() + "' is base64 bytes that "
                    + "are not UTF-8 text; export the directory again as UTF-8 (or save the LDIF file as UTF-8)");
        }
        if (!isBlank(mail)) {
            return row.set(RowField.EMAIL, mail).metadata("employeeNumber", employeeNumber).build();
        }
        if (!isBlank(employeeNumber)) {
            return row.set(RowField.IDENTIFIER_KIND, IdentifierKind.PERSONNEL_NUMBER.name())
                    .set(RowField.IDENTIFIER, employeeNumber).build();
        }
        if (notUtf8.contains("mail") || notUtf8.contains("employeeNumber")) {
            return row.build();
        }
        return row.problem("email", "the entry has neither a mail nor an employeeNumber attribute; add one of them")
                .build();
    }

    /**
     * Returns an attribute's first value decoded strictly as UTF-8 (LDIF's base64 values are bytes, and
     * a lenient decoder would silently turn a Latin-1 {@code ü} into U+FFFD); {@code null} when absent
     * or, noted in {@code notUtf8}, when the bytes are not UTF-8.
     */
    private static String text(Entry entry, String name, Set<String> notUtf8) {
        com.unboundid.ldap.sdk.Attribute attribute = entry.getAttribute(name);
        byte[] bytes = attribute == null ? null : attribute.getValueByteArray();
        if (bytes == null) {
            return null;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            notUtf8.add(name);
            return null;
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
