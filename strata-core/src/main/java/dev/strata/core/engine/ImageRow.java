package dev.strata.core.engine;

import dev.strata.core.store.ImageRecord;

/**
 * One row of {@code images}: an image under one of its names. {@code repository}, {@code tag} and
 * {@code digest} are {@code "<none>"} where Docker shows that.
 */
public record ImageRow(ImageRecord image, String repository, String tag, String digest, boolean intermediate) {}
