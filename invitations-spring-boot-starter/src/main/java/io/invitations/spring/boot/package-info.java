/**
 * Spring Boot 4 auto-configuration of the invitations engine: {@link
 * io.invitations.spring.boot.InvitationsAutoConfiguration} builds the service from the
 * application's beans and {@link io.invitations.spring.boot.InvitationsProperties}; the JDBC, mail,
 * metrics and health auto-configurations add what the application's {@code DataSource},
 * {@code JavaMailSender}, {@code MeterRegistry} and Actuator allow.
 *
 * @since 0.1.0
 */
package io.invitations.spring.boot;
