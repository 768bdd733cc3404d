package io.invitations.icu;

import com.ibm.icu.text.SpoofChecker;
import io.invitations.core.invitee.ContactSkeleton;
import org.apiguardian.api.API;

import java.util.Locale;

/**
 * The look-alike comparison of contacts by Unicode Technical Standard #39 skeletons, computed by
 * ICU4J's {@link SpoofChecker}: "jаne" with a Cyrillic "а", "ϳane" with a Greek yot, or "ｊａｎｅ"
 * in full-width letters all have the skeleton of "jane". Case is folded first, so that "Jane" and
 * "jane" share a skeleton too.
 *
 * <p>Use: {@code InvitationService.builder().contactSkeleton(IcuContactSkeleton.create())}. Whether
 * a look-alike is refused or flagged is the tenant's choice ({@code TenantSettings.lookAlikes()}).
 * Thread-safe: a {@code SpoofChecker} is immutable once built.
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "1.0")
public final class IcuContactSkeleton implements ContactSkeleton {
    private final SpoofChecker checker;

    private IcuContactSkeleton(SpoofChecker checker) {
        this.checker = checker;
    }

    /**
     * Creates the skeleton on ICU's confusable data (the "any case" table of TR 39).
     *
     * @return the skeleton
     */
    public static IcuContactSkeleton create() {
        return new IcuContactSkeleton(new SpoofChecker.Builder().setChecks(SpoofChecker.CONFUSABLE).build());
    }

    @Override
    public String skeleton(String text) {
        return checker.getSkeleton(text.toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return "IcuContactSkeleton[TR 39, ICU " + com.ibm.icu.util.VersionInfo.ICU_VERSION + "]";
    }
}
