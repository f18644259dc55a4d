package dev.strata.core.engine;

import java.time.Instant;

/** One row of {@code history}, newest first; {@code id} is {@code "<missing>"} when no local image ends there. */
public record HistoryRow(String id, Instant created, String createdBy, long size, String comment, boolean emptyLayer) {}
