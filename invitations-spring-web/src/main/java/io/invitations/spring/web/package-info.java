/**
 * Spring MVC endpoints of the invitations engine: the invitee's claim, code and shareable-link
 * endpoints ({@link io.invitations.spring.web.InviteeApiController}, claiming as the signed-in address
 * an {@link io.invitations.spring.web.AcceptingAddressResolver} names), the administrators' JSON API
 * ({@link io.invitations.spring.web.AdminApiController}) bound to a host-supplied
 * {@link io.invitations.spring.web.AdministratorResolver}, and RFC 9457 problem details whose status
 * comes from each error code's {@link io.invitations.spi.ErrorCategory}.
 */
package io.invitations.spring.web;
