/**
 * Samples of adapters a host writes itself, each checked by the SDK's compatibility kit.
 */
package io.invitations.examples.adapters;
