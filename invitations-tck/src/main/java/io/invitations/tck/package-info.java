/**
 * Compatibility kits: abstract JUnit 5 classes that adapter authors extend to check that their
 * implementation of an SPI keeps its contract, one per SPI:
 * {@link io.invitations.tck.InvitationStoreCompatibilityKit},
 * {@link io.invitations.tck.IdentityDirectoryCompatibilityKit},
 * {@link io.invitations.tck.AttemptThrottleCompatibilityKit},
 * {@link io.invitations.tck.KeyRingCompatibilityKit},
 * {@link io.invitations.tck.SeatLedgerCompatibilityKit} and
 * {@link io.invitations.tck.MailerCompatibilityKit}. Each has one factory method to implement, plus
 * hooks where the SPI only reads and the kit must arrange data (seats, key rotation, what a mail
 * server received). {@link io.invitations.tck.Fixtures} gives ready-made invitations, links,
 * history entries and outbox messages at fixed instants; {@link io.invitations.tck.support} has
 * helpers for any test. The kits ship in {@code src/main} (not a test-jar) so that their JUnit and
 * AssertJ dependencies come along; add this module with test scope.
 *
 * @since 0.1.0
 */
package io.invitations.tck;
