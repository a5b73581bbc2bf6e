package io.sluice.protocol.rowset;

/** The keys of {@code TTypeQualifiers} that HiveServer2 clients read. */
public final class TypeQualifierNames {
  public static final String PRECISION = "precision";
  public static final String SCALE = "scale";
  public static final String CHARACTER_MAXIMUM_LENGTH = "characterMaximumLength";

  private TypeQualifierNames() {}
}
