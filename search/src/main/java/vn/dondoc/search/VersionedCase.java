package vn.dondoc.search;

/**
 * A case document with the version of the record it was read from. Elasticsearch keeps the highest
 * version it has seen (external versioning), so a slow writer with an older state cannot win.
 */
public record VersionedCase(CaseDocument document, long version) {}
