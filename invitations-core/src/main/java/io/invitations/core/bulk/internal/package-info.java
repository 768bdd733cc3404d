/**
 * The bulk engine's workings: reading and validating rows against the call's defaults, finding
 * duplicates within the input, and the bulk-limit check. Not API: nothing here is stable, even
 * where it is public so that the facade can reach it.
 *
 * @since 0.1.0
 */
package io.invitations.core.bulk.internal;
