package io.invitations.core;

/**
 * The steps of a claim (accept the terms, confirm the profile, set a password, choose groups), as {@link ClaimIncompleteException}
 * names the ones a claim did not complete.
 *
 * @since 0.1.0
 */
public enum ClaimStep {
    /** Accept the tenant's terms of use (when the tenant requires it). */
    TERMS,
    /** Confirm the profile fields the tenant asks for. */
    PROFILE,
    /** Choose a password long enough for the tenant (not under SSO). */
    PASSWORD,
    /** Pick default groups only from the tenant's pool. */
    GROUPS
}
