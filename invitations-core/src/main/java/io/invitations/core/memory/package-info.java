/**
 * The in-memory reference adapters: the embedded default of every SPI. They keep everything in
 * the JVM's heap, are safe for concurrent use, and pass the compatibility kits. Use them for demos,
 * tests and single-process hosts; use {@code invitations-jdbc} when several processes share data.
 *
 * @since 0.1.0
 */
package io.invitations.core.memory;
