/**
 * Optional look-alike detection for contacts with ICU4J: {@link io.invitations.icu.IcuContactSkeleton}.
 * Core depends on nothing but its SPI, SLF4J, Jakarta Validation and Caffeine, so the ICU data (about
 * 15 MB) lives here; hosts that want homoglyphs from other scripts caught add this module.
 */
package io.invitations.icu;
