package io.invitations.core.invitee;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Maps a contact's text (an email local part or domain, an identifier) to its <em>skeleton</em>: two
 * texts that a reader could take for one another have the same skeleton (Unicode Technical
 * Standard #39, "confusable detection"). The engine compares the skeleton of a new contact with the
 * contacts already invited in the tenant and refuses or flags a look-alike
 * ({@code TenantSettings.lookAlikes()}).
 *
 * <p>The default, {@link #caseFolded()}, only applies NFKC and case folding: it catches full-width
 * letters and case tricks but not homoglyphs from other scripts (a Cyrillic "а" for a Latin "a").
 * For those, add the {@code invitations-icu} module and pass its {@code IcuContactSkeleton} to
 * {@code InvitationService.builder().contactSkeleton(..)}; it uses ICU4J's {@code SpoofChecker}.
 * Implementations must be thread-safe and deterministic.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface ContactSkeleton {
    /**
     * Returns the skeleton of a text.
     *
     * @param text the text, already NFKC-normalised, not {@code null}
     * @return its skeleton, never {@code null}
     */
    String skeleton(String text);

    /**
     * Returns the default: NFKC, then case folding, then NFKC again.
     *
     * @return the skeleton that folds case and compatibility forms only
     */
    static ContactSkeleton caseFolded() {
        return text -> Normalizer.normalize(Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT), Normalizer.Form.NFKC);
    }
}
