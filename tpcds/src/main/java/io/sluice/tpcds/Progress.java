package io.sluice.tpcds;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/** A one-line progress bar on a terminal, or one line per step when output is a file. */
final class Progress {
  private static final int WIDTH = 30;

  private final PrintStream out;
  private final String label;
  private final int total;
  private final long startNanos = System.nanoTime();
  private final boolean terminal = System.console() != null;
  private int done;

  Progress(PrintStream out, String label, int total) {
    this.out = out;
    this.label = label;
    this.total = total;
  }

  synchronized void step(String item) {
    done++;
    int filled = total == 0 ? WIDTH : done * WIDTH / total;
    String line =
        String.format(
            Locale.ROOT,
            "%s [%s%s] %d/%d %s (%ds)",
            label,
            "#".repeat(filled),
            " ".repeat(WIDTH - filled),
            done,
            total,
            item,
            Duration.ofNanos(System.nanoTime() - startNanos).toSeconds());
    if (terminal) {
      out.print("\r" + line + "\033[K");
      if (done == total) {
        out.println();
      }
    } else {
      out.println(line);
    }
    out.flush();
  }
}
