package dev.strata.core.content;

/** A content-addressed blob store: read, ingest and manage. */
public interface ContentStore extends ContentProvider, ContentIngester, ContentManager {}
