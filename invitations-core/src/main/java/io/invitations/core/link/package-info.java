/**
 * Shareable invitation links: a multi-use URL for a tenant or a resource (a group, an event) with a
 * preset grant, an optional expiry, an optional maximum of uses and optional allowed email domains.
 * {@link io.invitations.core.link.LinkRequest} describes a new link,
 * {@link io.invitations.core.link.ShareableLink} is a link with its URL,
 * {@link io.invitations.core.link.LinkOffer} is what the join page shows and
 * {@link io.invitations.core.link.JoinRequest} is a join; the operations are on
 * {@link io.invitations.core.InvitationService}.
 *
 * @since 0.1.0
 */
package io.invitations.core.link;
