package vn.dondoc.app.feedback;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import vn.dondoc.app.cases.CodedValue;

/**
 * How a feedback item reached the agencies: the portal's form, or staff recording it for the sender.
 * Labels: messages*.properties, key {@code FeedbackChannel.<code>}; the search facet and the figures use the codes.
 */
public enum FeedbackChannel implements CodedValue {
  WEB("web"),
  HOTLINE("hotline"),
  LETTER("letter"),
  EMAIL("email"),
  COUNTER("counter");

  private final String code;

  FeedbackChannel(String code) {
    this.code = code;
  }

  @JsonValue
  @Override
  public String code() {
    return code;
  }

  @JsonCreator
  public static FeedbackChannel fromCode(String code) {
    return CodedValue.byCode(FeedbackChannel.class, code);
  }

  /** The channels staff record items from (every one but the portal's own form). */
  public static List<FeedbackChannel> staffChannels() {
    return Arrays.stream(values()).filter(channel -> channel != WEB).toList();
  }
}
