package io.invitations.spring.boot;

import io.invitations.mail.SmtpMailer;
import io.invitations.spi.mail.Mailer;
import org.apiguardian.api.API;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * A {@link Mailer} over the application's {@link JavaMailSender} ({@code spring.mail.*}), sending
 * from {@code invitations.mail.from}.
 *
 * @since 0.1.0
 */
@AutoConfiguration(afterName = "org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration")
@ConditionalOnClass({JavaMailSender.class, SmtpMailer.class})
@ConditionalOnSingleCandidate(JavaMailSender.class)
@EnableConfigurationProperties(InvitationsProperties.class)
@API(status = API.Status.EXPERIMENTAL, since = "1.0")
public class InvitationsMailAutoConfiguration {
    /**
     * The mailer.
     *
     * @param sender     the application's sender
     * @param properties the properties
     * @return the mailer
     */
    @Bean
    @ConditionalOnMissingBean(Mailer.class)
    public JavaMailSenderMailer invitationsMailer(JavaMailSender sender, InvitationsProperties properties) {
        return new JavaMailSenderMailer(sender, properties.getMail().getFrom());
    }
}
