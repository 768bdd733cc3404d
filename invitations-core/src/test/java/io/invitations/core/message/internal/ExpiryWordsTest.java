package io.invitations.core.message.internal;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The expiry in words")
class ExpiryWordsTest {
    private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");

    @ParameterizedTest(name = "{0} left in {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "PT168H      | en | expires in 7 days",
            "PT168H      | fr | expire dans 7 jours",
            "PT168H      | de | läuft in 7 Tagen ab",
            "PT167H59M   | en | expires in 7 days",
            "PT24H       | en | expires in 1 day",
            "PT24H       | fr | expire dans 1 jour",
            "PT24H       | de | läuft in 1 Tag ab",
            "PT35H       | en | expires in 1 day",
            "PT36H       | en | expires in 2 days",
            "PT23H40M    | en | expires in 1 day",
            "PT23H20M    | en | expires in 23 hours",
            "PT5H        | fr | expire dans 5 heures",
            "PT5H        | de | läuft in 5 Stunden ab",
            "PT1H        | en | expires in 1 hour",
            "PT1H        | fr | expire dans 1 heure",
            "PT1H        | de | läuft in 1 Stunde ab",
            "PT59M       | en | expires in 59 minutes",
            "PT1S        | de | läuft in 1 Minute ab",
            "PT30M       | fr | expire dans 30 minutes",
            "PT0S        | en | has expired",
            "-PT1H       | fr | a expiré",
            "-PT1H       | de | ist abgelaufen"})
    void describesTheTimeLeft(String left, String language, String words) {
        Phrases phrases = Phrases.of(Locale.forLanguageTag(language));

        assertThat(ExpiryWords.describe(NOW, NOW.plus(Duration.parse(left)), phrases)).isEqualTo(words);
    }

    @Test
    @DisplayName("the date is written in the long style of the language")
    void dateIsLocalised() {
        Instant at = Instant.parse("2026-12-08T09:00:00Z");

        assertThat(ExpiryWords.date(at, Locale.ENGLISH)).isEqualTo("December 8, 2026");
        assertThat(ExpiryWords.date(at, Locale.FRENCH)).isEqualTo("8 décembre 2026");
        assertThat(ExpiryWords.date(at, Locale.GERMAN)).isEqualTo("8. Dezember 2026");
    }

    @Test
    @DisplayName("French and German have every phrase English has")
    void everyLanguageHasEveryPhrase() {
        Phrases en = Phrases.of(Locale.ENGLISH);

        assertThat(Phrases.of(Locale.FRENCH).keys()).isEqualTo(en.keys());
        assertThat(Phrases.of(Locale.GERMAN).keys()).isEqualTo(en.keys());
    }
}
