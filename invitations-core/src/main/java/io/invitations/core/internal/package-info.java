/**
 * The engine's machinery behind the facade: request validation, per-invitation locks, batched
 * writes with history and events, claim-link derivation and the operations themselves. Nothing here
 * is API; types may change in any release.
 */
package io.invitations.core.internal;
