package vn.dondoc.app.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import vn.dondoc.app.web.TableExport;

/** Reading the CSV files the exports write (vn.dondoc.app.web.TableExport), in tests. */
public final class CsvFiles {

  private CsvFiles() {}

  /** RFC 4180 but fields separated by TableExport.CSV_SEPARATOR: quoted when needed, "" for a quote, CRLF between records. */
  public static List<List<String>> parse(String text) {
    List<List<String>> records = new ArrayList<>();
    List<String> record = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == TableExport.CSV_SEPARATOR) {
        record.add(field.toString());
        field.setLength(0);
      } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
        record.add(field.toString());
        field.setLength(0);
        records.add(record);
        record = new ArrayList<>();
        i++;
      } else {
        field.append(c);
      }
    }
    assertThat(field).as("text after the last CRLF").isEmpty();
    assertThat(record).isEmpty();
    return records;
  }
}
