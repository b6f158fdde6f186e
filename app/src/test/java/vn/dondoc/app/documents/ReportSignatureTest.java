package vn.dondoc.app.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.dondoc.app.security.KeycloakDirectory;

/** The periodic report's default signature: the configured signer's name and job title from the realm, or the typed ones. */
class ReportSignatureTest {

  private static final ReportProperties PROPERTIES = new ReportProperties(
      "Ban Chỉ đạo",
      "Cơ quan Thường trực",
      "BC",
      "Hà Nội",
      "t",
      List.of(),
      "KT. Chánh Văn phòng",
      "Phó Chánh Văn phòng",
      "",
      Path.of("."),
      "lanhdao.vptw");

  private static KeycloakDirectory.Profile profile(String jobTitle) {
    return new KeycloakDirectory.Profile(
        "lanhdao.vptw", "Lê Văn Bình", null, null, null, null, null, jobTitle);
  }

  @Test
  void theSignersJobTitleAndNameFromTheRealm() {
    assertThat(PROPERTIES.signature(Optional.of(profile("Phó Chánh Văn phòng Trung ương Đảng"))))
        .isEqualTo(
            new ReportProperties.Signature("Phó Chánh Văn phòng Trung ương Đảng", "Lê Văn Bình"));
  }

  @Test
  void aSignerWithoutATitleKeepsTheConfiguredOne() {
    assertThat(PROPERTIES.signature(Optional.of(profile(null))))
        .isEqualTo(new ReportProperties.Signature("Phó Chánh Văn phòng", "Lê Văn Bình"));
  }

  @Test
  void noSignerInTheRealmKeepsTheTypedSignature() {
    assertThat(PROPERTIES.signature(Optional.empty()))
        .isEqualTo(new ReportProperties.Signature("Phó Chánh Văn phòng", ""));
  }
}
