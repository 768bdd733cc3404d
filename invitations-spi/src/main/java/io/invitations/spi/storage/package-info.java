/**
 * The storage SPI: {@link io.invitations.spi.storage.InvitationStore} keeps invitations, their
 * history, shareable links and the outbox of messages to deliver. All writes go through one
 * atomic {@link io.invitations.spi.storage.WriteBatch}, so an invitation and its outbox rows are
 * stored together or not at all.
 *
 * <p>Adapter authors check their store with {@code InvitationStoreCompatibilityKit} from
 * {@code invitations-tck}.
 *
 * @since 0.1.0
 */
package io.invitations.spi.storage;
