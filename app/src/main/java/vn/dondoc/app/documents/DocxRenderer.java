package vn.dondoc.app.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import org.apache.poi.xwpf.usermodel.BreakType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.UnderlinePatterns;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;

/**
 * Writes an {@link OfficialDocument} as DOCX (Apache POI XWPF) in Decree 30's layout: A4, Times New Roman,
 * margins 20/20/30/15 mm, the heading blocks and the signature block as borderless two-column tables, so that
 * the office can still edit the file in Word or LibreOffice before it is signed.
 */
public class DocxRenderer {

  private static final String FONT = "Times New Roman";
  /** Twentieths of a point per millimetre. */
  private static final double TWIPS_PER_MM = 56.7;

  public byte[] render(OfficialDocument document) {
    try (XWPFDocument docx = new XWPFDocument()) {
      page(docx);
      heading(docx, document);
      if (document.kind() != null) {
        centred(docx, document.kind(), true, 14);
      }
      if (document.title() != null) {
        centred(docx, document.title(), true, 14);
      }
      for (String paragraph : document.body()) {
        boolean heading = OfficialDocument.heading(paragraph);
        XWPFParagraph p = docx.createParagraph();
        p.setAlignment(ParagraphAlignment.BOTH);
        p.setSpacingAfter(120);
        if (!heading) {
          p.setIndentationFirstLine((int) (10 * TWIPS_PER_MM));
        }
        run(p, paragraph, heading, false, 14);
      }
      signature(docx, document);
      if (document.annex() != null) {
        annex(docx, document.annex());
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      docx.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void page(XWPFDocument docx) {
    CTSectPr section = docx.getDocument().getBody().addNewSectPr();
    CTPageSz size = section.addNewPgSz();
    size.setW(BigInteger.valueOf(11906));
    size.setH(BigInteger.valueOf(16838));
    CTPageMar margins = section.addNewPgMar();
    margins.setTop(twips(20));
    margins.setBottom(twips(20));
    margins.setLeft(twips(30));
    margins.setRight(twips(15));
  }

  private static BigInteger twips(int millimetres) {
    return BigInteger.valueOf(Math.round(millimetres * TWIPS_PER_MM));
  }

  private static void heading(XWPFDocument docx, OfficialDocument document) {
    XWPFTable table = borderless(docx, 2);
    XWPFTableCell issuer = table.getRow(0).getCell(0);
    XWPFTableCell nation = table.getRow(0).getCell(1);
    if (document.parentBody() != null) {
      cellLine(issuer, document.parentBody().toUpperCase(), false, false, false, 13);
    }
    cellLine(issuer, document.issuer().toUpperCase(), true, false, true, 13);
    cellLine(issuer, document.number(), false, false, false, 13);
    if (document.subject() != null) {
      cellLine(issuer, document.subject(), false, false, false, 12);
    }
    cellLine(nation, OfficialDocument.NATION, true, false, false, 13);
    cellLine(nation, OfficialDocument.MOTTO, true, false, true, 14);
    cellLine(nation, document.placeAndDate(), false, true, false, 14);
    issuer.removeParagraph(0);
    nation.removeParagraph(0);
  }

  private static void signature(XWPFDocument docx, OfficialDocument document) {
    XWPFTable table = borderless(docx, 2);
    XWPFTableCell recipients = table.getRow(0).getCell(0);
    XWPFTableCell signer = table.getRow(0).getCell(1);
    XWPFParagraph label = recipients.addParagraph();
    run(label, "Nơi nhận:", true, true, 12);
    for (String recipient : document.recipients()) {
      run(recipients.addParagraph(), "- " + recipient, false, false, 11);
    }
    if (document.signingCapacity() != null) {
      cellLine(signer, document.signingCapacity().toUpperCase(), true, false, false, 14);
    }
    cellLine(signer, document.signerTitle().toUpperCase(), true, false, false, 14);
    for (int i = 0; i < 3; i++) {
      signer.addParagraph();
    }
    cellLine(signer, document.signerName(), true, false, false, 14);
    recipients.removeParagraph(0);
    signer.removeParagraph(0);
  }

  private static void annex(XWPFDocument docx, OfficialDocument.Annex annex) {
    XWPFParagraph pageBreak = docx.createParagraph();
    pageBreak.createRun().addBreak(BreakType.PAGE);
    centred(docx, annex.label(), true, 13);
    centred(docx, annex.title(), true, 13);
    XWPFTable table = docx.createTable(annex.rows().size() + 1, annex.headers().size());
    table.setWidth("100%");
    fill(table, 0, annex.headers(), true);
    for (int r = 0; r < annex.rows().size(); r++) {
      fill(table, r + 1, annex.rows().get(r), false);
    }
    table.getRow(0).setRepeatHeader(true);
  }

  private static void fill(XWPFTable table, int row, List<String> cells, boolean bold) {
    for (int c = 0; c < cells.size(); c++) {
      XWPFTableCell cell = table.getRow(row).getCell(c);
      run(cell.getParagraphs().get(0), cells.get(c), bold, false, 10);
    }
  }

  private static XWPFTable borderless(XWPFDocument docx, int columns) {
    XWPFTable table = docx.createTable(1, columns);
    table.setWidth("100%");
    table.removeBorders();
    return table;
  }

  private static void cellLine(
      XWPFTableCell cell, String text, boolean bold, boolean italic, boolean underline, int size) {
    XWPFParagraph p = cell.addParagraph();
    p.setAlignment(ParagraphAlignment.CENTER);
    XWPFRun run = run(p, text, bold, italic, size);
    if (underline) {
      run.setUnderline(UnderlinePatterns.SINGLE);
    }
  }

  private static void centred(XWPFDocument docx, String text, boolean bold, int size) {
    XWPFParagraph p = docx.createParagraph();
    p.setAlignment(ParagraphAlignment.CENTER);
    run(p, text, bold, false, size);
  }

  private static XWPFRun run(
      XWPFParagraph paragraph, String text, boolean bold, boolean italic, int size) {
    XWPFRun run = paragraph.createRun();
    run.setFontFamily(FONT);
    run.setFontSize(size);
    run.setBold(bold);
    run.setItalic(italic);
    run.setText(text);
    return run;
  }
}
