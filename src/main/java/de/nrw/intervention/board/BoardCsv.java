package de.nrw.intervention.board;

import de.nrw.intervention.board.Board.ComplianceFigures;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The monthly deadline compliance as CSV for the quarterly report, as German Excel opens it: {@code ;} between fields,
 * UTF-8 with a byte order mark (without it Excel reads "Köln" as "KÃ¶ln"), CRLF line ends. Aggregates only: months,
 * process and task names from the models, counts and shares; no case reference, no task id, no person.
 */
final class BoardCsv {

  static final List<String> HEADERS = List.of("Bezirk", "Monat", "Prozess", "Aufgabe", "Frist", "Erledigt",
      "Fristgerecht", "Verspätet", "Anteil fristgerecht", "Median Bearbeitungszeit (Tage)");

  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private BoardCsv() {
  }

  static byte[] of(Board board) {
    StringBuilder csv = new StringBuilder(line(HEADERS.stream()));
    for (ComplianceFigures row : board.compliance()) {
      csv.append(line(Stream.of(board.districtName(), row.month(), row.processName(), row.taskName(), row.deadline(),
          Long.toString(row.completed()), Long.toString(row.onTime()), Long.toString(row.late()), row.onTimeText(),
          row.medianDaysText())));
    }
    byte[] text = csv.toString().getBytes(StandardCharsets.UTF_8);
    byte[] withBom = new byte[BOM.length + text.length];
    System.arraycopy(BOM, 0, withBom, 0, BOM.length);
    System.arraycopy(text, 0, withBom, BOM.length, text.length);
    return withBom;
  }

  private static String line(Stream<String> fields) {
    return fields.map(BoardCsv::field).collect(Collectors.joining(";")) + "\r\n";
  }

  /** Quoted when it holds a separator, a quote or a line break; a leading = + - @ is defused (formula injection). */
  static String field(String value) {
    String text = value == null ? "" : value;
    if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
      text = "'" + text;
    }
    if (text.contains(";") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
      return "\"" + text.replace("\"", "\"\"") + "\"";
    }
    return text;
  }
}
