package io.disclosurelake.model;

/** The file a report came from. {@code pages} is known for paginated formats only. */
public record DocumentInfo(String path, String sha256, String format, Integer pages, long size) {}
