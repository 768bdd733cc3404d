/**
 * Recipients saying "stop": the scope of an opt-out and its confirmation. Every invitation message
 * carries an opt-out link and RFC 8058 one-click {@code List-Unsubscribe} headers; the host passes the
 * link's token to {@link io.invitations.core.InviteeActions#optOut(String, OptOutScope)}.
 */
package io.invitations.core.optout;
