/**
 * Invitee details the engine derives: the normal form of an email address (domain converted from
 * IDN to ASCII and lower-cased, local part kept as typed) and a display name inferred from the
 * address when no name is given. Importers use the same rules as the facade.
 *
 * @since 0.1.0
 */
package io.invitations.core.invitee;
