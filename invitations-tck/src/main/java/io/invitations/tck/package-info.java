/**
 * Compatibility kits: abstract JUnit 5 classes that adapter authors extend to check that their
 * implementation of an SPI keeps its contract. {@link io.invitations.tck.InvitationStoreCompatibilityKit}
 * checks an {@link io.invitations.spi.storage.InvitationStore} with one factory method to implement;
 * {@link io.invitations.tck.Fixtures} gives ready-made invitations, links, history entries and
 * outbox messages at fixed instants. The kits ship in {@code src/main} (not a test-jar) so that
 * their JUnit and AssertJ dependencies come along; add this module with test scope.
 *
 * @since 0.1.0
 */
package io.invitations.tck;
