package io.invitations.core.message.internal;

import io.invitations.spi.storage.OutboxMessage.Kind;
import org.apiguardian.api.API;

/**
 * The built-in templates: one layout for the email variants (invitation, resend, re-invite) and one
 * for the printable access-code notice, filled with a language's {@link Phrases}. They use the same
 * placeholder syntax as custom templates, so a tenant can start from them. Not API.
 *
 * @since 0.1.0
 */
@API(status = API.Status.INTERNAL, since = "1.0")
public final class BuiltInTemplates {
    private static final String HEAD = """
            <!DOCTYPE html>
            <html lang="%s">
            <head>
            <meta charset="UTF-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>%s</title>
            </head>
            <body style="margin:0;padding:0;background:#f4f5f7;font-family:Arial,Helvetica,sans-serif;\
            color:#1f2328;line-height:1.5;">
            <table role="presentation" width="100%%" cellpadding="0" cellspacing="0"><tr>\
            <td align="center" style="padding:24px;">
            <table role="presentation" width="600" cellpadding="0" cellspacing="0" style="max-width:600px;\
            background:#ffffff;border-radius:8px;border-top:4px solid {{accentColor}};"><tr>\
            <td style="padding:32px;">
            {{#logoUrl}}<img src="{{logoUrl}}" alt="{{tenantName}}" style="max-height:48px;margin:0 0 24px;">\
            {{/logoUrl}}
            <h1 style="font-size:20px;margin:0 0 16px;">{{tenantName}}</h1>
            <p>{{#inviteeName}}%s{{/inviteeName}}{{^inviteeName}}%s{{/inviteeName}}</p>
            <p>%s</p>
            """;

    private static final String PERSONAL_MESSAGE = """
            {{#personalMessage}}<p>%s</p>
            <blockquote style="margin:0 0 16px;padding:12px 16px;border-left:4px solid {{accentColor}};\
            background:#f6f8fa;white-space:pre-line;">{{personalMessage}}</blockquote>{{/personalMessage}}
            """;

    private static final String TAIL = """
            {{#expiresIn}}<p>%s</p>{{/expiresIn}}
            {{#tenantDescription}}<h2 style="font-size:16px;margin:24px 0 8px;">%s</h2>
            <p style="white-space:pre-line;">{{tenantDescription}}</p>{{/tenantDescription}}
            <p style="font-size:13px;color:#57606a;">%s</p>
            </td></tr></table>
            </td></tr></table>
            </body>
            </html>
            """;

    private static final String BUTTON = """
            <p style="margin:24px 0;"><a href="{{claimUrl}}" style="background:{{accentColor}};color:#ffffff;\
            padding:12px 20px;border-radius:6px;text-decoration:none;display:inline-block;">%s</a></p>
            <p style="font-size:13px;color:#57606a;">%s<br>
            <a href="{{claimUrl}}" style="color:{{accentColor}};word-break:break-all;">{{claimUrl}}</a></p>
            """;

    private static final String STEPS = """
            <ol>
            <li>%s</li>
            <li>%s</li>
            <li>%s</li>
            </ol>
            <table role="presentation" cellpadding="8" cellspacing="0" style="border:2px solid {{accentColor}};\
            border-radius:6px;margin:16px 0;">
            <tr><td>{{identifierLabel}}</td><td style="font-family:monospace;font-size:18px;">{{identifier}}</td></tr>
            <tr><td>%s</td><td style="font-family:monospace;font-size:22px;letter-spacing:2px;">{{accessCode}}</td></tr>
            </table>
            """;

    private BuiltInTemplates() {
    }

    /**
     * The raw text of one built-in template.
     *
     * @param subject the subject
     * @param html    the HTML body
     * @param text    the plain-text body
     * @since 0.1.0
     */
    @API(status = API.Status.INTERNAL, since = "1.0")
    public record Source(String subject, String html, String text) {
    }

    /**
     * Returns the built-in template of a kind in a language.
     *
     * @param phrases the language
     * @param kind    the message
     * @return the template's text
     */
    public static Source of(Phrases phrases, Kind kind) {
        String subject = phrases.get("subject." + kind.name());
        boolean notice = kind == Kind.ACCESS_CODE_NOTICE;
        String html = HEAD.formatted(phrases.language(), subject, phrases.get("hello"), phrases.get("helloAnonymous"),
                phrases.get("intro." + kind.name()))
                + PERSONAL_MESSAGE.formatted(phrases.get("personalMessage"))
                + (notice ? noticeHtml(phrases) : buttonHtml(phrases))
                + TAIL.formatted(phrases.get("expiry"), phrases.get("about"),
                        phrases.get(notice ? "keepPrivate" : "ignore"));
        return new Source(subject, html, text(phrases, kind));
    }

    private static String buttonHtml(Phrases phrases) {
        return BUTTON.formatted(phrases.get("button"), phrases.get("linkHint"));
    }

    private static String noticeHtml(Phrases phrases) {
        String open = phrases.get("step.open").replace("{{claimUrl}}", "<strong>{{claimUrl}}</strong>");
        return STEPS.formatted(open, phrases.get("step.enter"), phrases.get("step.finish"),
                phrases.get("accessCode"));
    }

    private static String text(Phrases phrases, Kind kind) {
        String colon = phrases.get("colon") + " ";
        StringBuilder t = new StringBuilder(512)
                .append("{{#inviteeName}}").append(phrases.get("hello")).append("{{/inviteeName}}")
                .append("{{^inviteeName}}").append(phrases.get("helloAnonymous")).append("{{/inviteeName}}\n\n")
                .append(phrases.get("intro." + kind.name())).append("\n\n")
                .append("{{#personalMessage}}").append(phrases.get("personalMessage")).append('\n')
                .append("{{personalMessage}}\n\n{{/personalMessage}}");
        if (kind == Kind.ACCESS_CODE_NOTICE) {
            t.append("1. ").append(phrases.get("step.open")).append('\n')
                    .append("2. ").append(phrases.get("step.enter")).append('\n')
                    .append("3. ").append(phrases.get("step.finish")).append("\n\n")
                    .append("{{identifierLabel}}").append(colon).append("{{identifier}}\n")
                    .append(phrases.get("accessCode")).append(colon).append("{{accessCode}}\n\n");
        } else {
            t.append(phrases.get("button")).append(phrases.get("colon")).append("\n{{claimUrl}}\n\n");
        }
        t.append("{{#expiresIn}}").append(phrases.get("expiry")).append("\n\n{{/expiresIn}}")
                .append("{{#tenantDescription}}").append(phrases.get("about")).append('\n')
                .append("{{tenantDescription}}\n\n{{/tenantDescription}}")
                .append(phrases.get(kind == Kind.ACCESS_CODE_NOTICE ? "keepPrivate" : "ignore")).append('\n');
        return t.toString();
    }
}
