/**
 * Internals of the web module: the calls into the engine (one adapter per audience) and the
 * mapping of engine values to JSON views. Not API.
 */
package io.invitations.spring.web.internal;
