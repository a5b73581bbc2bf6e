package io.sluice.gateway.metrics;

import java.util.Locale;
import java.util.Map;

/**
 * Writes metrics in the Prometheus text exposition format (version 0.0.4): a {@code # HELP} and
 * {@code # TYPE} line per metric family, then one line per sample.
 */
public final class PrometheusText {
  public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final StringBuilder text = new StringBuilder();

  public PrometheusText family(String name, String type, String help) {
    text.append("# HELP ").append(name).append(' ').append(help.replace("\n", " ")).append('\n');
    text.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    return this;
  }

  public PrometheusText sample(String name, Map<String, String> labels, double value) {
    text.append(name);
    if (!labels.isEmpty()) {
      text.append('{');
      boolean first = true;
      for (Map.Entry<String, String> label : labels.entrySet()) {
        if (!first) {
          text.append(',');
        }
        first = false;
        text.append(label.getKey()).append("=\"").append(escaped(label.getValue())).append('"');
      }
      text.append('}');
    }
    text.append(' ').append(number(value)).append('\n');
    return this;
  }

  public PrometheusText sample(String name, double value) {
    return sample(name, Map.of(), value);
  }

  @Override
  public String toString() {
    return text.toString();
  }

  static String number(double value) {
    if (Double.isInfinite(value)) {
      return value > 0 ? "+Inf" : "-Inf";
    }
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return String.format(Locale.ROOT, "%s", value);
  }

  private static String escaped(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }
}
