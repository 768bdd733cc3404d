package io.invitations.core.memory;

import io.invitations.spi.identity.AccountRequest;
import io.invitations.spi.identity.IdentityDirectory;
import io.invitations.spi.identity.LookAlikeAnswer;
import io.invitations.spi.invitation.Contact;
import io.invitations.spi.invitation.EmailAddress;
import io.invitations.spi.invitation.Grant;
import io.invitations.spi.invitation.InvitationId;
import io.invitations.spi.invitation.MembershipType;
import io.invitations.spi.invitation.TenantId;
import org.apiguardian.api.API;
import io.invitations.spi.invitation.Target;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The embedded default {@link IdentityDirectory}: accounts in heap maps, one member per contact
 * {@linkplain Contact#matchKey() match key} and tenant. Creating an account for someone already known
 * links the existing account. Someone who accepts a guest invitation to a resource (an event:
 * {@link AccountRequest#target()} is not the membership and {@link AccountRequest#membershipType()} is
 * GUEST) gets an account kept apart as a {@linkplain #guests guest of resources}: not a member, so a later membership invitation is allowed
 * and, once accepted, makes that same account a member. Passwords are never kept (only whether one was given). An account
 * {@linkplain #registerAwaitingApproval registered awaiting approval} is held apart, per invitation: it
 * is not a member (nor counted, nor listed by {@link #accounts}) until approved, and a rejection drops it.
 *
 * <p>Thread-safe.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public final class InMemoryIdentityDirectory implements IdentityDirectory {
    private final Map<TenantId, Map<String, Account>> members = new ConcurrentHashMap<>();
    private final Map<TenantId, Map<InvitationId, Account>> awaiting = new ConcurrentHashMap<>();
    /** People invited to a resource (an event, a task), by tenant and match key: not members. */
    private final Map<TenantId, Map<String, Account>> guests = new ConcurrentHashMap<>();
    /** The targets of registrations awaiting approval, by invitation. */
    private final Map<InvitationId, Target> awaitingTargets = new ConcurrentHashMap<>();
    private final Map<TenantId, Set<String>> groups = new ConcurrentHashMap<>();
    private final Set<TenantId> sso = ConcurrentHashMap.newKeySet();
    /** Pairs of match keys known to be one person's, per tenant (tenant, key, key). */
    private final Set<List<String>> samepeople = ConcurrentHashMap.newKeySet();
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong createOrLinkCalls = new AtomicLong();
    /** The accounts an account call created (not linked), by the invitation it was made for. */
    private final Map<InvitationId, Set<String>> createdFor = new ConcurrentHashMap<>();

    /** Creates an empty directory. */
    public InMemoryIdentityDirectory() {
    }

    /**
     * An account as this directory keeps it.
     *
     * @param accountId    the account's id
     * @param tenantId     the tenant
     * @param contact      the contact it is known by
     * @param firstName    the first name, or {@code null}
     * @param lastName     the last name, or {@code null}
     * @param grant        the last grant applied, or {@code null} for members added directly
     * @param invitedBy    who invited them, or {@code null}
     * @param invitationId the invitation they joined through, or {@code null}
     * @param hasPassword  whether a password was set (the password itself is not kept)
     * @since 0.1.0
     */
    @API(status = API.Status.STABLE, since = "1.0")
    public record Account(String accountId, TenantId tenantId, Contact contact, String firstName, String lastName,
                          Grant grant, String invitedBy, InvitationId invitationId, boolean hasPassword) {
    }

    @Override
    public boolean isMember(TenantId tenantId, Contact contact) {
        return tenant(tenantId).containsKey(contact.matchKey());
    }

    @Override
    public String createOrLinkAccount(AccountRequest request) {
        Objects.requireNonNull(request, "request");
        createOrLinkCalls.incrementAndGet();
        boolean hasPassword = passwordGiven(request);
        String key = request.contact().matchKey();
        Map<String, Account> members = tenant(request.tenantId());
        if (guestOfResource(request.target(), request.grant())) {
            // a guest of a resource (an event) is kept apart from the members
            Account member = members.get(key);
            if (member != null) {
                return member.accountId();
            }
            return guestsOf(request.tenantId()).compute(key, (k, existing) -> existing != null
                    ? account(request, existing.accountId(), request.grant(), hasPassword || existing.hasPassword())
                    : account(request, created(request), request.grant(), hasPassword)).accountId();
        }
        Account guest = guestsOf(request.tenantId()).remove(key);
        Account account = members.compute(key, (k, existing) -> {
            Account known = existing != null ? existing : guest;
            if (known != null) {
                return account(request, known.accountId(), request.grant(), hasPassword || known.hasPassword());
            }
            return account(request, created(request), request.grant(), hasPassword);
        });
        return account.accountId();
    }

    /** A guest invited to a resource (an event), not to the tenant: not made a member. */
    private static boolean guestOfResource(Target target, Grant grant) {
        return !target.isMembership() && grant.membershipType() == MembershipType.GUEST;
    }

    /** A new account id, remembered as created for the request's invitation. */
    private String created(AccountRequest request) {
        String id = "acct-" + sequence.incrementAndGet();
        // several accounts may race for one invitation (accepted with different addresses)
        createdFor.computeIfAbsent(request.invitationId(), k -> ConcurrentHashMap.newKeySet()).add(id);
        return id;
    }

    /**
     * Tells which of the contacts are members, in one pass over the tenant's members.
     */
    @Override
    public Set<String> membersAmong(TenantId tenantId, Collection<? extends Contact> contacts) {
        Map<String, Account> accounts = tenant(tenantId);
        Set<String> found = new HashSet<>();
        for (Contact c : contacts) {
            if (accounts.containsKey(c.matchKey())) {
                found.add(c.matchKey());
            }
        }
        return Set.copyOf(found);
    }

    /**
     * Compares the new contact's look-alike key with each member's of the tenant (one pass; the
     * member with exactly that contact does not count).
     */
    @Override
    public LookAlikeAnswer memberLookingLike(TenantId tenantId, Contact contact,
                                             Function<? super Contact, String> lookAlikeKey) {
        String wanted = lookAlikeKey.apply(contact);
        for (Account a : tenant(tenantId).values()) {
            Contact other = a.contact();
            if (other.getClass() == contact.getClass() && !other.matchKey().equals(contact.matchKey())
                    && lookAlikeKey.apply(other).equals(wanted)) {
                return LookAlikeAnswer.LOOKS_ALIKE;
            }
        }
        return LookAlikeAnswer.NONE;
    }

    /**
     * Removes the account the call for this invitation created (when it still has that id), and drops
     * a registration awaiting approval made for it; an account that existed before and was only
     * linked stays.
     */
    @Override
    public void acceptanceAbandoned(TenantId tenantId, InvitationId invitationId, String accountId) {
        Objects.requireNonNull(invitationId, "invitationId");
        Objects.requireNonNull(accountId, "accountId");
        waiting(tenantId).computeIfPresent(invitationId, (id, a) -> a.accountId().equals(accountId) ? null : a);
        Set<String> made = createdFor.get(invitationId);
        if (made != null && made.remove(accountId)) {
            tenant(tenantId).values().removeIf(a -> a.accountId().equals(accountId));
            guestsOf(tenantId).values().removeIf(a -> a.accountId().equals(accountId));
        }
    }

    /**
     * Registers the invitee apart from the members, keeping the grant to apply on approval; links the
     * account of an existing member (whose grant stays as it is) or of a previous call for the same
     * invitation.
     *
     * @param request who, with the grant to apply once approved; not {@code null}
     * @return the account's id
     */
    @Override
    public String registerAwaitingApproval(AccountRequest request) {
        Objects.requireNonNull(request, "request");
        createOrLinkCalls.incrementAndGet();
        boolean hasPassword = passwordGiven(request);
        Account known = tenant(request.tenantId()).get(request.contact().matchKey());
        Account member = known != null ? known : guestsOf(request.tenantId()).get(request.contact().matchKey());
        awaitingTargets.put(request.invitationId(), request.target());
        Account account = waiting(request.tenantId()).compute(request.invitationId(), (id, existing) -> account(
                request, existing != null ? existing.accountId()
                        : member != null ? member.accountId() : "acct-" + sequence.incrementAndGet(),
                request.grant(), hasPassword || (existing != null && existing.hasPassword())));
        return account.accountId();
    }

    /**
     * Applies the grant passed (approved) or drops the registration (rejected). Deciding again is
     * harmless: an approval re-applies the grant to the member with that account id.
     */
    @Override
    public void approvalDecided(TenantId tenantId, InvitationId invitationId, String accountId, Grant grant,
                                boolean approved) {
        Objects.requireNonNull(invitationId, "invitationId");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(grant, "grant");
        Account registered = waiting(tenantId).remove(invitationId);
        Target target = awaitingTargets.remove(invitationId);
        if (!approved) {
            return;
        }
        Map<String, Account> accounts = tenant(tenantId);
        if (registered != null && target != null && guestOfResource(target, grant)) {
            if (!accounts.containsKey(registered.contact().matchKey())) {
                guestsOf(tenantId).compute(registered.contact().matchKey(), (key, existing) -> withGrant(registered,
                        grant, existing != null && existing.hasPassword()));
            }
            return;
        }
        if (registered != null) {
            guestsOf(tenantId).remove(registered.contact().matchKey());
            accounts.compute(registered.contact().matchKey(), (key, existing) -> withGrant(registered, grant,
                    existing != null && existing.hasPassword()));
            return;
        }
        accounts.replaceAll((key, existing) -> existing.accountId().equals(accountId)
                ? withGrant(existing, grant, false) : existing);
    }

    @Override
    public boolean ssoEnabled(TenantId tenantId) {
        return sso.contains(tenantId);
    }

    /**
     * Switches SSO on or off for a tenant (then claims need no password).
     *
     * @param tenantId the tenant
     * @param enabled  {@code true} for SSO
     */
    public void setSso(TenantId tenantId, boolean enabled) {
        if (enabled) {
            sso.add(tenantId);
        } else {
            sso.remove(tenantId);
        }
    }

    /**
     * Answers from the addresses linked with {@link #linkAddresses}.
     */
    @Override
    public boolean samePerson(TenantId tenantId, Contact invitedContact, EmailAddress acceptingAddress) {
        return samepeople.contains(List.of(tenantId.value(), invitedContact.matchKey(), acceptingAddress.matchKey()));
    }

    /**
     * Records that two contacts are one person's, as a host that verified a second address of an
     * account would; {@link #samePerson} then confirms them (both ways).
     *
     * @param tenantId the tenant
     * @param one      one contact
     * @param other    the other contact
     * @since 1.1
     */
    public void linkAddresses(TenantId tenantId, Contact one, Contact other) {
        samepeople.add(List.of(tenantId.value(), one.matchKey(), other.matchKey()));
        samepeople.add(List.of(tenantId.value(), other.matchKey(), one.matchKey()));
    }

    /**
     * Adds a member directly, as if they had joined another way.
     *
     * @param tenantId the tenant
     * @param contact  the member's contact
     * @return the account's id
     */
    public String addMember(TenantId tenantId, Contact contact) {
        return tenant(tenantId).computeIfAbsent(contact.matchKey(), k -> new Account(
                "acct-" + sequence.incrementAndGet(), tenantId, contact, null, null, null, null, null, false))
                .accountId();
    }

    /**
     * Returns the accounts of a tenant.
     *
     * @param tenantId the tenant
     * @return a snapshot, in no particular order
     */
    public List<Account> accounts(TenantId tenantId) {
        return List.copyOf(tenant(tenantId).values());
    }

    /**
     * Returns the registrations of a tenant that await approval (not members yet).
     *
     * @param tenantId the tenant
     * @return a snapshot, in no particular order
     */
    public List<Account> awaitingApproval(TenantId tenantId) {
        return List.copyOf(waiting(tenantId).values());
    }

    /**
     * Returns the guests of a tenant's resources (people who accepted a guest invitation to an event
     * and are not members).
     *
     * @param tenantId the tenant
     * @return a snapshot, in no particular order
     */
    public List<Account> guests(TenantId tenantId) {
        return List.copyOf(guestsOf(tenantId).values());
    }

    /**
     * Adds groups to the tenant's full list, which {@link #groups(TenantId)} returns.
     *
     * @param tenantId the tenant
     * @param names    the groups' names
     */
    public void addGroups(TenantId tenantId, String... names) {
        groups.computeIfAbsent(Objects.requireNonNull(tenantId, "tenantId"), t -> ConcurrentHashMap.newKeySet())
                .addAll(List.of(names));
    }

    /** {@inheritDoc} The groups added with {@link #addGroups}. */
    @Override
    public Set<String> groups(TenantId tenantId) {
        return Set.copyOf(groups.getOrDefault(tenantId, Set.of()));
    }

    /**
     * Returns how many members a tenant has.
     *
     * @param tenantId the tenant
     * @return the count
     */
    public long memberCount(TenantId tenantId) {
        return tenant(tenantId).size();
    }

    /**
     * Returns how many times {@link #createOrLinkAccount} or {@link #registerAwaitingApproval} was
     * called, over all tenants.
     *
     * @return the count
     */
    public long createOrLinkCalls() {
        return createOrLinkCalls.get();
    }

    private static boolean passwordGiven(AccountRequest request) {
        char[] password = request.password();
        if (password == null) {
            return false;
        }
        boolean given = password.length > 0;
        Arrays.fill(password, '\0');
        return given;
    }

    private static Account account(AccountRequest request, String accountId, Grant grant, boolean hasPassword) {
        return new Account(accountId, request.tenantId(), request.contact(), request.firstName(),
                request.lastName(), grant, request.invitedBy(), request.invitationId(), hasPassword);
    }

    private static Account withGrant(Account account, Grant grant, boolean hadPassword) {
        return new Account(account.accountId(), account.tenantId(), account.contact(), account.firstName(),
                account.lastName(), grant, account.invitedBy(), account.invitationId(),
                account.hasPassword() || hadPassword);
    }

    private Map<InvitationId, Account> waiting(TenantId tenantId) {
        return awaiting.computeIfAbsent(Objects.requireNonNull(tenantId, "tenantId"),
                t -> new ConcurrentHashMap<>());
    }

    private Map<String, Account> guestsOf(TenantId tenantId) {
        return guests.computeIfAbsent(Objects.requireNonNull(tenantId, "tenantId"), t -> new ConcurrentHashMap<>());
    }

    private Map<String, Account> tenant(TenantId tenantId) {
        return members.computeIfAbsent(Objects.requireNonNull(tenantId, "tenantId"), t -> new ConcurrentHashMap<>());
    }
}
