/**
 * Shareable invitation links: a multi-use URL for a tenant or a resource (a group, an event) with a
 * preset grant, an optional expiry, an optional maximum of uses and optional allowed email domains.
 * {@link io.invitations.core.link.ShareableLinkRequest} describes a new link,
 * {@link io.invitations.core.link.RevealedShareableLink} is a link with its URL,
 * {@link io.invitations.core.link.ShareableLinkOffer} is what the join page shows and
 * {@link io.invitations.core.link.JoinRequest} is a join; the operations are on
 * {@link io.invitations.core.InvitationAdministration} (create, reveal, deactivate, reactivate, list)
 * and {@link io.invitations.core.InviteeActions} (inspect, join).
 *
 * @since 0.1.0
 */
package io.invitations.core.link;
