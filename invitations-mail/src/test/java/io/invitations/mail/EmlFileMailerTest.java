package io.invitations.mail;

import io.invitations.spi.invitation.InvitationId;
import io.invitations.spi.invitation.TenantId;
import io.invitations.spi.mail.MailMessage;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class EmlFileMailerTest {

    private static MailMessage message(String key) {
        return MailMessage.builder()
                .idempotencyKey(key)
                .tenantId(TenantId.of("acme"))
                .invitationId(InvitationId.of("inv-1"))
                .to("zoé@example.com")
                .toName("Zoé Durand")
                .replyTo(null)
                .subject("Rejoignez Acmé")
                .html("<p>Bonjour <b>Zoé</b> <a href=\"https://x/claim/t\">ici</a></p>")
                .text("Bonjour Zoé https://x/claim/t")
                .locale(Locale.FRENCH)
                .headers(Map.of())
                .build();
    }

    @Test
    void writesEachMessageAsAnEmlFileThatAMailParserReadsBack(@TempDir Path dir) throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-11-22T09:00:00Z"), ZoneOffset.UTC);
        EmlFileMailer mailer = EmlFileMailer.into(dir.resolve("outbox"), "invitations@acme.example", clock);

        mailer.send(message("inv-1#1"));

        Path file = dir.resolve("outbox").resolve("inv-1_1.eml");
        assertThat(file).exists();
        assertThat(Files.list(dir.resolve("outbox"))).hasSize(1);
        try (InputStream in = Files.newInputStream(file)) {
            MimeMessage read = new MimeMessage(Session.getInstance(new Properties()), in);
            assertThat(read.getSubject()).isEqualTo("Rejoignez Acmé");
            assertThat(read.getHeader(SmtpMailer.KEY_HEADER, null)).isEqualTo("inv-1#1");
            MimeMultipart parts = (MimeMultipart) read.getContent();
            assertThat(parts.getCount()).isEqualTo(2);
            assertThat((String) parts.getBodyPart(0).getContent()).isEqualTo("Bonjour Zoé https://x/claim/t");
            assertThat((String) parts.getBodyPart(1).getContent()).contains("<b>Zoé</b>");
        }
    }

    @Test
    void theSameKeyWrittenTwiceLeavesOneFile(@TempDir Path dir) throws Exception {
        EmlFileMailer mailer = EmlFileMailer.into(dir, "invitations@acme.example");
        mailer.send(message("inv-1#1"));
        mailer.send(message("inv-1#1"));
        mailer.send(message("inv-1#2"));
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("inv-1_1.eml", "inv-1_2.eml");
        }
        assertThat(mailer.toString()).doesNotContain("claim");
    }
}
