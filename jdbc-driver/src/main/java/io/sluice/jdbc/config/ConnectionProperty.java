package io.sluice.jdbc.config;

import static java.util.Objects.requireNonNull;

import java.sql.DriverPropertyInfo;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One typed connection property: its name as written in a URL or {@link java.util.Properties}, what
 * it means, its default, and how its text becomes a value. {@link ConnectionProperties} lists every
 * one; {@link java.sql.Driver#getPropertyInfo} is derived from that list.
 */
public final class ConnectionProperty<T> {
  private final String name;
  private final String description;
  private final Optional<String> defaultText;
  private final List<String> choices;
  private final Function<String, T> parser;

  ConnectionProperty(
      String name,
      String description,
      String defaultText,
      List<String> choices,
      Function<String, T> parser) {
    this.name = requireNonNull(name, "name is null");
    this.description = requireNonNull(description, "description is null");
    this.defaultText = Optional.ofNullable(defaultText);
    this.choices = List.copyOf(choices);
    this.parser = requireNonNull(parser, "parser is null");
  }

  public String name() {
    return name;
  }

  public String description() {
    return description;
  }

  public Optional<String> defaultText() {
    return defaultText;
  }

  public List<String> choices() {
    return choices;
  }

  /**
   * The value of {@code text}.
   *
   * @throws IllegalArgumentException naming the property and the offending text
   */
  public T parse(String text) {
    requireNonNull(text, "text is null");
    if (!choices.isEmpty() && !choices.contains(text)) {
      throw new IllegalArgumentException(
          "Connection property '" + name + "' must be one of " + choices + ", not '" + text + "'");
    }
    try {
      return parser.apply(text);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "Connection property '"
              + name
              + "' has an invalid value '"
              + text
              + "': "
              + e.getMessage(),
          e);
    }
  }

  DriverPropertyInfo info(Optional<String> current) {
    DriverPropertyInfo info =
        new DriverPropertyInfo(name, current.or(() -> defaultText).orElse(null));
    info.description = description;
    info.required = false;
    info.choices = choices.isEmpty() ? null : choices.toArray(String[]::new);
    return info;
  }

  @Override
  public String toString() {
    return name;
  }
}
