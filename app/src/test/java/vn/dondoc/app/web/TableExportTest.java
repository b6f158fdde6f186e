package vn.dondoc.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The CSV as Vietnamese Excel reads it: semicolons between fields, decimal commas, a byte-order mark. */
class TableExportTest {

  @Test
  void decimalsAreWrittenWithACommaAndFieldsSeparatedBySemicolons() {
    byte[] csv = TableExport.csv(
        List.of("Hạng", "Cơ quan", "Chỉ số", "Tỷ lệ"),
        List.of(
            Arrays.asList(1, "Bộ Khoa học và Công nghệ", new BigDecimal("34.0"), 87.5),
            Arrays.asList(2, "Sở A; Sở B", new BigDecimal("-2.50"), null)));

    assertThat(csv).startsWith(0xEF, 0xBB, 0xBF);
    assertThat(new String(csv, StandardCharsets.UTF_8).substring(1))
        .isEqualTo(
            "Hạng;Cơ quan;Chỉ số;Tỷ lệ\r\n1;Bộ Khoa học và Công nghệ;34,0;87,5\r\n2;\"Sở A; Sở B\";-2,50;\r\n");
  }

  @Test
  void numbersKeepTheirDigitsWithoutGroupingOrExponent() {
    assertThat(TableExport.csvNumber(1234567L)).isEqualTo("1234567");
    assertThat(TableExport.csvNumber(new BigDecimal("1E+3"))).isEqualTo("1000");
    assertThat(TableExport.csvNumber(12345678.5)).isEqualTo("12345678,5");
  }

  @Test
  void aTextThatLooksLikeANumberStaysText() {
    assertThat(TableExport.csvField("34.0")).isEqualTo("34.0");
    assertThat(TableExport.csvField("3,5")).isEqualTo("\"3,5\"");
  }
}
