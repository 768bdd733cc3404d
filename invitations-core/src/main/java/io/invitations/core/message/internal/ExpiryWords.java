package io.invitations.core.message.internal;

import org.apiguardian.api.API;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * The expiry of an invitation in words: "expires in 7 days", "expire dans 1 jour", "läuft in
 * 5 Stunden ab"; hours when under a day, minutes when under an hour, and "has expired" after it.
 * Not API.
 *
 * @since 0.1.0
 */
@API(status = API.Status.INTERNAL, since = "1.0")
public final class ExpiryWords {
    private static final long HOUR = 3600;

    private ExpiryWords() {
    }

    /**
     * Describes the time left, rounded to the nearest day (from a day on) or hour (from an hour on),
     * minutes rounded up below that.
     *
     * @param now       the instant the message is rendered at
     * @param expiresAt the expiry
     * @param phrases   the language
     * @return the words, e.g. {@code expires in 7 days}
     */
    public static String describe(Instant now, Instant expiresAt, Phrases phrases) {
        long seconds = Duration.between(now, expiresAt).getSeconds();
        if (seconds <= 0) {
            return phrases.get("expired");
        }
        long count;
        String unit;
        if (seconds < HOUR) {
            count = (seconds + 59) / 60;
            unit = "minute";
        } else {
            long hours = (seconds + HOUR / 2) / HOUR;
            if (hours >= 24) {
                count = (hours + 12) / 24;
                unit = "day";
            } else {
                count = hours;
                unit = "hour";
            }
        }
        String unitWord = phrases.get("unit." + unit + (count == 1 ? "" : "s"));
        return phrases.get("expiresIn").replace("{0}", Long.toString(count)).replace("{1}", unitWord);
    }

    /**
     * Formats the expiry's date (UTC) in the long style of a locale, e.g. {@code December 8, 2026}.
     *
     * @param expiresAt the expiry
     * @param locale    the locale to format in
     * @return the date
     */
    public static String date(Instant expiresAt, Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale)
                .format(expiresAt.atZone(ZoneOffset.UTC));
    }
}
