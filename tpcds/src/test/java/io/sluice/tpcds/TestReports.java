package io.sluice.tpcds;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class TestReports {
  private static final RunReport REPORT =
      new RunReport(
          0.01,
          3,
          true,
          List.of(
              new QueryOutcome(
                  "q1",
                  OptionalDouble.of(100),
                  OptionalDouble.of(50),
                  Optional.empty(),
                  Optional.empty(),
                  Optional.empty(),
                  7),
              new QueryOutcome(
                  "q2",
                  OptionalDouble.of(400),
                  OptionalDouble.of(800),
                  Optional.empty(),
                  Optional.empty(),
                  Optional.of("row 1 differs: [1] vs [2]"),
                  1),
              new QueryOutcome(
                  "q3",
                  OptionalDouble.empty(),
                  OptionalDouble.of(10),
                  Optional.of("[42000] syntax | error"),
                  Optional.empty(),
                  Optional.empty(),
                  0)));

  @Test
  void totalsAndGeometricMeansCoverQueriesThatRanOnBothSides() {
    assertThat(REPORT.sluiceTotalMillis()).isEqualTo(500);
    assertThat(REPORT.directTotalMillis()).isEqualTo(850);
    assertThat(REPORT.sluiceGeometricMeanMillis())
        .isCloseTo(200, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(REPORT.directGeometricMeanMillis())
        .isCloseTo(200, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(REPORT.totalRatio().getAsDouble())
        .isCloseTo(500.0 / 850, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(REPORT.failures().stream().map(QueryOutcome::name)).containsExactly("q2", "q3");
  }

  @Test
  void markdownHasTheSummaryAndOneEscapedRowPerQuery() {
    String markdown = MarkdownReport.render(REPORT, "report.svg");
    assertThat(markdown)
        .contains("| Total (ms) | 500.0 | 850.0 | 0.588 |")
        .contains("| q1 | 7 | 100.0 | 50.0 | 2.000 | same answer |")
        .contains("| q2 | 1 | 400.0 | 800.0 | 0.500 | answers differ: row 1 differs: [1] vs [2] |")
        .contains("| q3 | 0 | - | 10.0 | - | through Sluice: [42000] syntax \\| error |")
        .contains("Queries passed: 1 of 3.")
        .contains("![Per-query times](report.svg)");
  }

  @Test
  void chartIsWellFormedSvgWithTwoBarsPerQueryThatRan(@TempDir Path directory) throws Exception {
    Path markdown = TpcdsCommand.write(REPORT, directory);
    assertThat(markdown).exists();
    String svg = Files.readString(directory.resolve("report.svg"));
    Document document =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    assertThat(document.getDocumentElement().getTagName()).isEqualTo("svg");
    // Background, two legend swatches, then bars: q1 two, q2 two, q3 direct only.
    assertThat(document.getElementsByTagName("rect").getLength()).isEqualTo(1 + 2 + 5);
    assertThat(svg).contains(">q1<").contains("failed").contains("ratio 0.588");
  }
}
