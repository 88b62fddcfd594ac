package io.fileintegrity.api;

/**
 * Progress of a running scan.
 *
 * @param filesDone entries examined so far
 * @param bytesDone bytes read so far
 * @param filesTotal expected entries, or -1 when unknown
 * @param bytesTotal expected bytes, or -1 when unknown
 */
public record ScanProgress(long filesDone, long bytesDone, long filesTotal, long bytesTotal) {}
