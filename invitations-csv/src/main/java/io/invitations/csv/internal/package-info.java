/**
 * Internals of the file importers and exporters: reading bounded, decoded text from a stream,
 * separator detection, name splitting, LDIF safety checks and the neutralising CSV table writer.
 * Nothing here is API; it may change in any release.
 */
package io.invitations.csv.internal;
