package io.invitations.excel.internal;

import io.invitations.core.bulk.ImportException;

import java.io.IOException;

/**
 * Thrown by the guarded entry streams: an {@link IOException} (all a stream may throw) carrying the
 * typed verdict, which {@link ReadBudget} also keeps in case POI or the parser loses this wrapper.
 */
final class StoppedReading extends IOException {
    private static final long serialVersionUID = 1L;

    StoppedReading(ImportException verdict) {
        super(verdict.getMessage(), verdict);
    }
}
