package io.sluice.planner;

import static java.util.Objects.requireNonNull;

import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.IntStream;
import org.antlr.v4.runtime.misc.Interval;

/**
 * Spark's keywords are case-insensitive because Spark shows its lexer every character in upper case
 * while tokens keep the text as written. This stream does the same for the gateway's lexer.
 */
final class UpperCaseCharStream implements CharStream {
  private final CharStream delegate;

  UpperCaseCharStream(CharStream delegate) {
    this.delegate = requireNonNull(delegate, "delegate is null");
  }

  @Override
  public int LA(int offset) {
    int character = delegate.LA(offset);
    return character == 0 || character == IntStream.EOF
        ? character
        : Character.toUpperCase(character);
  }

  @Override
  public String getText(Interval interval) {
    return delegate.getText(interval);
  }

  @Override
  public void consume() {
    delegate.consume();
  }

  @Override
  public int mark() {
    return delegate.mark();
  }

  @Override
  public void release(int marker) {
    delegate.release(marker);
  }

  @Override
  public int index() {
    return delegate.index();
  }

  @Override
  public void seek(int index) {
    delegate.seek(index);
  }

  @Override
  public int size() {
    return delegate.size();
  }

  @Override
  public String getSourceName() {
    return delegate.getSourceName();
  }
}
