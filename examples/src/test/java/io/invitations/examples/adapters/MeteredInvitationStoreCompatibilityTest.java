package io.invitations.examples.adapters;

/** The host-written wrapper keeps the whole storage contract (the kit's checks, run by the build). */
class MeteredInvitationStoreCompatibilityTest extends MeteredInvitationStoreCompatibility {
}
