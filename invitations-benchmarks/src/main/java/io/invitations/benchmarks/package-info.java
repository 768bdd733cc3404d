/**
 * JMH benchmarks of the Invitations SDK, each next to the primitive or baseline it is judged
 * against, in the same class so that both halves of a pair run in the same JMH run on the same
 * machine. {@code docs/PERFORMANCE.md} explains how to run them, the targets and the latest figures.
 */
package io.invitations.benchmarks;
