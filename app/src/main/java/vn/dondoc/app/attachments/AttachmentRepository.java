package vn.dondoc.app.attachments;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AttachmentRepository {

  /** A file's metadata and owner; the owner is null while the file is staged. */
  record Stored(AttachmentRef ref, String ownerType, Long ownerId) {}

  private static final String REF_COLUMNS = "id, filename, content_type, size_bytes, sha256";

  private static final RowMapper<AttachmentRef> REF = (rs, n) -> new AttachmentRef(
      rs.getObject("id", UUID.class),
      rs.getString("filename"),
      rs.getString("content_type"),
      rs.getLong("size_bytes"),
      rs.getString("sha256"));

  private final JdbcClient jdbc;

  AttachmentRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insertStaged(
      AttachmentRef ref, byte[] content, String uploadedBy, String uploadTokenHash, Instant now) {
    jdbc.sql("""
            insert into attachment (id, filename, content_type, size_bytes, sha256, content, uploaded_by,
              upload_token_hash, uploaded_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(
            ref.id(),
            ref.filename(),
            ref.contentType(),
            ref.sizeBytes(),
            ref.sha256(),
            content,
            uploadedBy,
            uploadTokenHash,
            Timestamp.from(now))
        .update();
  }

  /** A file stored with its owner from the start (made by Dondoc, not uploaded). */
  void insertAttached(
      AttachmentRef ref, byte[] content, String ownerType, long ownerId, Instant now) {
    jdbc.sql("""
            insert into attachment (id, filename, content_type, size_bytes, sha256, content, owner_type, owner_id,
              uploaded_at, attached_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(
            ref.id(),
            ref.filename(),
            ref.contentType(),
            ref.sizeBytes(),
            ref.sha256(),
            content,
            ownerType,
            ownerId,
            Timestamp.from(now),
            Timestamp.from(now))
        .update();
  }

  /**
   * Attaches a staged file if the token matches and it was uploaded after {@code stagedSince}; one
   * conditional update, so two transactions can never both attach the same file.
   */
  Optional<AttachmentRef> attach(
      UUID id,
      String uploadTokenHash,
      Instant stagedSince,
      String ownerType,
      long ownerId,
      Instant now) {
    return jdbc.sql("""
            update attachment set owner_type = ?, owner_id = ?, attached_at = ?, upload_token_hash = null
            where id = ? and upload_token_hash = ? and owner_type is null and uploaded_at > ?
            returning id, filename, content_type, size_bytes, sha256""")
        .params(
            ownerType,
            ownerId,
            Timestamp.from(now),
            id,
            uploadTokenHash,
            Timestamp.from(stagedSince))
        .query(REF)
        .optional();
  }

  List<AttachmentRef> listFor(String ownerType, long ownerId) {
    return jdbc.sql("select " + REF_COLUMNS
            + " from attachment where owner_type = ? and owner_id = ? order by attached_at, id")
        .params(ownerType, ownerId)
        .query(REF)
        .list();
  }

  Optional<Stored> find(UUID id) {
    return jdbc.sql("select " + REF_COLUMNS + ", owner_type, owner_id from attachment where id = ?")
        .param(id)
        .query((rs, n) -> new Stored(
            REF.mapRow(rs, n), rs.getString("owner_type"), rs.getObject("owner_id", Long.class)))
        .optional();
  }

  byte[] content(UUID id) {
    return jdbc.sql("select content from attachment where id = ?")
        .param(id)
        .query(byte[].class)
        .single();
  }

  int deleteStagedBefore(Instant cutoff) {
    return jdbc.sql("delete from attachment where owner_type is null and uploaded_at <= ?")
        .param(Timestamp.from(cutoff))
        .update();
  }
}
