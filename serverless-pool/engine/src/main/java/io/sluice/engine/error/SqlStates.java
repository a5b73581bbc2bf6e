package io.sluice.engine.error;

/** The SQLSTATE values the engine reports for failures that are not Spark's own. */
public final class SqlStates {
  /** Wrong or missing engine secret at OpenSession. */
  public static final String INVALID_AUTHORIZATION = "28000";

  /** A session handle the engine does not know (or no longer knows). */
  public static final String UNKNOWN_SESSION = "08003";

  /** An operation handle the engine does not know, or a call out of sequence. */
  public static final String FUNCTION_SEQUENCE_ERROR = "HY010";

  /** Something the engine does not implement, such as delegation tokens. */
  public static final String FEATURE_NOT_SUPPORTED = "0A000";

  /** A GetInfo type the engine does not answer. */
  public static final String INVALID_INFORMATION_TYPE = "HY096";

  /** A fetch orientation the engine does not support. */
  public static final String FETCH_TYPE_OUT_OF_RANGE = "HY106";

  /** A statement Spark could not parse. */
  public static final String SYNTAX_ERROR = "42601";

  /** A failure without a more specific state. */
  public static final String INTERNAL_ERROR = "XX000";

  private SqlStates() {}
}
