package io.sluice.planner;

import java.util.Optional;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/**
 * Turns the parser's positions (code point indexes) into ranges of the Java string the statement
 * was parsed from, or none when the tree was parsed from other text (EXECUTE IMMEDIATE's).
 */
final class TextPositions {
  private static final TextPositions NONE = new TextPositions(null);

  private final String text;
  private final boolean onlyBasicCharacters;

  private TextPositions(String text) {
    this.text = text;
    this.onlyBasicCharacters =
        text != null && text.length() == text.codePointCount(0, text.length());
  }

  static TextPositions of(String text) {
    return new TextPositions(text);
  }

  static TextPositions none() {
    return NONE;
  }

  Optional<TextRange> range(ParserRuleContext node) {
    if (node.getStart() == null || node.getStop() == null) {
      return Optional.empty();
    }
    return range(node.getStart(), node.getStop());
  }

  Optional<TextRange> range(Token token) {
    return range(token, token);
  }

  private Optional<TextRange> range(Token first, Token last) {
    if (text == null) {
      return Optional.empty();
    }
    int start = first.getStartIndex();
    int stop = last.getStopIndex() + 1;
    if (start < 0 || stop < start) {
      return Optional.empty();
    }
    if (onlyBasicCharacters) {
      return Optional.of(new TextRange(start, stop));
    }
    return Optional.of(
        new TextRange(text.offsetByCodePoints(0, start), text.offsetByCodePoints(0, stop)));
  }
}
