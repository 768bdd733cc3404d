/**
 * How the Excel module works inside: the guarded zip access (sizes, ratios, DOCTYPE), the SAX
 * handlers for sheets, shared strings and styles, the template and export writers. Nothing here is
 * API; it may change in any release.
 */
package io.invitations.excel.internal;
