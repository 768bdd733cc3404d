/**
 * Fixtures shared by the benchmarks: deterministic sample people, the input files written from
 * them, temporary directories and the primitive operations the engine's costs are compared with.
 * Nothing here is API.
 */
package io.invitations.benchmarks.internal;
