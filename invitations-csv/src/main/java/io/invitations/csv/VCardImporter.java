package io.invitations.csv;

import ezvcard.VCard;
import ezvcard.io.ParseWarning;
import ezvcard.io.text.VCardReader;
import ezvcard.parameter.VCardParameters;
import ezvcard.property.Email;
import ezvcard.property.FormattedName;
import ezvcard.property.StructuredName;
import ezvcard.property.Telephone;
import ezvcard.property.VCardProperty;
import io.invitations.core.bulk.ImportException;
import io.invitations.core.bulk.InvitationRow;
import io.invitations.core.bulk.RowField;
import io.invitations.csv.internal.InputText;
import io.invitations.csv.internal.PersonName;
import io.invitations.csv.internal.RowCollector;
import io.invitations.spi.ErrorCode;
import io.invitations.spi.invitation.IdentifierKind;
import org.apiguardian.api.API;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads invitation rows from vCard files (versions 2.1, 3.0 and 4.0, one or many cards per file),
 * as phones, Outlook, Google Contacts and macOS/iOS Contacts export them. Parsed with ez-vcard's
 * plain-text reader.
 *
 * <ul>
 *   <li><b>Email</b>: the preferred {@code EMAIL}: the lowest {@code PREF} parameter (4.0), else one
 *       typed {@code pref} (2.1 and 3.0), else the first.</li>
 *   <li><b>Names</b>: given and family name from {@code N}; when {@code N} has neither, {@code FN} is
 *       split at its first blank ("Jane Doe" gives Jane / Doe; "Doe, Jane" is understood too).</li>
 *   <li><b>No email</b>: with {@link VCardImportOptions#phoneAsIdentifier()} the preferred
 *       {@code TEL} (chosen like the email) becomes an identifier of kind {@code phone}; otherwise
 *       the row gets a problem on {@code email}.</li>
 *   <li><b>Row numbers</b> count cards: the first card in the file is row 1. Repairs the parser made
 *       (e.g. an unknown property value) are returned as warnings with the card's number and the
 *       line.</li>
 * </ul>
 *
 * <p>A file without any card, not valid in the charset, binary or over the limits is refused with
 * an {@link ImportException}. Thread-safe: the class holds no state.
 *
 * <pre>{@code
 * ImportResult result = VCardImporter.read(in, VCardImportOptions.defaults().withPhoneAsIdentifier(true));
 * }</pre>
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public final class VCardImporter {
    private static final String FORMAT = "vCard";
    private static final String NO_CARD = "the file holds no vCard; a vCard starts with a line BEGIN:VCARD and ends "
            + "with END:VCARD";

    private VCardImporter() {
    }

    /**
     * Reads a vCard file with the default options.
     *
     * @param in the file's bytes; read to the end, not closed
     * @return one row per card, and warnings
     * @throws ImportException      when the file cannot be read as a whole
     * @throws UncheckedIOException when reading the stream fails
     */
    public static ImportResult read(InputStream in) {
        return read(in, VCardImportOptions.defaults());
    }

    /**
     * Reads a vCard file.
     *
     * @param in      the file's bytes; read to the end, not closed
     * @param options phone handling, charset and limits
     * @return one row per card in file order, and warnings
     * @throws ImportException      when the file holds no card, is not text, not valid in the charset,
     *                              or over a limit ({@link ErrorCode#IMPORT_INVALID_FILE},
     *                              {@link ErrorCode#IMPORT_LIMIT_EXCEEDED})
     * @throws UncheckedIOException when reading the stream fails
     */
    public static ImportResult read(InputStream in, VCardImportOptions options) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(options, "options");
        RowCollector collector = new RowCollector(options.limits());
        parse(in, options, collector);
        return collector.result(NO_CARD);
    }

    /**
     * Reads a vCard file as a stream, handing each card's row to {@code consumer} as soon as it is
     * read: the file is decoded as it arrives and no list of rows is built (see
     * {@code CsvImporter.forEachRow} for the contract).
     *
     * @param in       the file's bytes; read to the end, not closed
     * @param options  phone handling, charset and limits
     * @param consumer told of each row, in file order
     * @return how many rows were handed over, and the warnings
     * @throws ImportException      as {@link #read(InputStream, VCardImportOptions)}
     * @throws UncheckedIOException when reading the stream fails
     */
    public static ImportSummary forEachRow(InputStream in, VCardImportOptions options,
                                           Consumer<? super InvitationRow> consumer) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(consumer, "consumer");
        RowCollector collector = new RowCollector(options.limits(), consumer);
        parse(in, options, collector);
        return collector.summary(NO_CARD);
    }

    private static void parse(InputStream in, VCardImportOptions options, RowCollector collector) {
        VCardReader reader = new VCardReader(InputText.open(in, options.charset(), options.limits().maxBytes(),
                FORMAT));
        VCard card;
        for (int cardNumber = 1; (card = next(reader, cardNumber)) != null; cardNumber++) {
            for (ParseWarning warning : reader.getWarnings()) {
                collector.warn(cardNumber, describe(warning));
            }
            InvitationRow row = toRow(card, cardNumber, options.phoneAsIdentifier());
            long emails = card.getEmails().stream().filter(e -> !isBlank(e.getValue())).count();
            if (emails > 1 && row.email() != null) {
                collector.warn(cardNumber, "the card has " + emails + " email addresses; " + row.email()
                        + " (the preferred one) was used");
            }
            collector.add(row);
        }
    }

    private static VCard next(VCardReader reader, int cardNumber) {
        try {
            return reader.readNext();
        } catch (ImportException e) {
            // the text itself was refused (charset, NUL, size) while the parser read it
            throw e;
        } catch (StackOverflowError e) {
            // nested cards (AGENT) are parsed recursively: a file nesting thousands of them is hostile
            throw new ImportException(ErrorCode.IMPORT_INVALID_FILE, cardNumber, null, "card " + cardNumber
                    + " nests other cards too deeply to be read; export the contacts again", e);
        } catch (IOException | RuntimeException e) {
            // ez-vcard's own failures on odd input must not escape untyped
            throw new ImportException(ErrorCode.IMPORT_INVALID_FILE, cardNumber, null, "card " + cardNumber
                    + " could not be read (" + e.getClass().getSimpleName() + "); export the contacts again", e);
        }
    }

    private static InvitationRow toRow(VCard card, int cardNumber, boolean phoneAsIdentifier) {
        InvitationRow.Builder row = InvitationRow.builder(cardNumber);
        StructuredName n = card.getStructuredName();
        String given = n == null ? null : n.getGiven();
        String family = n == null ? null : n.getFamily();
        if (isBlank(given) && isBlank(family)) {
            FormattedName fn = card.getFormattedName();
            PersonName split = PersonName.split(fn == null ? null : fn.getValue());
            given = split.given();
            family = split.family();
        }
        row.set(RowField.FIRST_NAME, given).set(RowField.LAST_NAME, family);
        Optional<String> email = preferred(card.getEmails(), Email::getValue);
        if (email.isPresent()) {
            return row.set(RowField.EMAIL, email.get()).build();
        }
        Optional<String> phone = preferred(card.getTelephoneNumbers(), VCardImporter::number);
        if (phone.isPresent() && phoneAsIdentifier) {
            return row.set(RowField.IDENTIFIER_KIND, IdentifierKind.PHONE.name())
                    .set(RowField.IDENTIFIER, phone.get()).build();
        }
        String hint = phone.isPresent()
                ? "it has a phone number: import with phoneAsIdentifier to invite by phone and access code"
                : "add an EMAIL line to the card";
        return row.problem("email", "the card has no email address; " + hint).build();
    }

    /** The preferred property with a non-blank value: lowest PREF, then TYPE=pref, then file order. */
    private static <P extends VCardProperty> Optional<String> preferred(List<P> properties, Function<P, String> value) {
        return properties.stream()
                .filter(p -> !isBlank(value.apply(p)))
                .min(Comparator.comparingInt(VCardImporter::rank))
                .map(value);
    }

    private static int rank(VCardProperty property) {
        VCardParameters parameters = property.getParameters();
        String pref = parameters.first(VCardParameters.PREF);
        if (pref != null) {
            try {
                return Math.max(0, Integer.parseInt(pref.strip()));
            } catch (NumberFormatException e) {
                // a PREF that is not a number counts like TYPE=pref
                return 101;
            }
        }
        boolean typedPref = parameters.getTypes().stream()
                .anyMatch(t -> t != null && t.strip().toLowerCase(Locale.ROOT).equals("pref"));
        return typedPref ? 101 : Integer.MAX_VALUE;
    }

    private static String number(Telephone tel) {
        if (!isBlank(tel.getText())) {
            return tel.getText();
        }
        return tel.getUri() == null ? null : tel.getUri().getNumber();
    }

    private static String describe(ParseWarning warning) {
        StringBuilder s = new StringBuilder();
        if (warning.getLineNumber() != null) {
            s.append("line ").append(warning.getLineNumber()).append(": ");
        }
        if (warning.getPropertyName() != null) {
            s.append(warning.getPropertyName()).append(": ");
        }
        return s.append(Objects.requireNonNullElse(warning.getMessage(), "repaired by the parser")).toString();
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
